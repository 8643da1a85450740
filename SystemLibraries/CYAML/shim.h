// The system libyaml (Debian: libyaml-dev), wrapped for Swift by YAMLConfig.
#include <yaml.h>
