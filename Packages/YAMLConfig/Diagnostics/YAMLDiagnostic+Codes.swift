extension YAMLDiagnostic.Code {
    /// The text is not well-formed YAML.
    public static let syntaxError: Self = "syntax_error"
    /// The file cannot be read.
    public static let unreadableFile: Self = "unreadable_file"
    /// The file is larger than ``YAMLLimits/maxFileBytes``.
    public static let fileTooLarge: Self = "file_too_large"
    /// Collections are nested deeper than ``YAMLLimits/maxDepth``.
    public static let nestingTooDeep: Self = "nesting_too_deep"
    /// The document has more nodes than ``YAMLLimits/maxNodes``.
    public static let tooManyNodes: Self = "too_many_nodes"
    /// Aliases expand to more nodes than ``YAMLLimits/maxNodes`` (a "billion laughs" document).
    public static let aliasExpansionLimit: Self = "alias_expansion_limit"
    /// An alias names an anchor that is not defined before it.
    public static let unknownAlias: Self = "unknown_alias"
    /// The file holds more than one YAML document.
    public static let multipleDocuments: Self = "multiple_documents"
    /// A mapping has the same key twice.
    public static let duplicateKey: Self = "duplicate_key"
    /// A mapping key is not a string (a number, boolean, null, list or mapping).
    public static let nonStringKey: Self = "non_string_key"
    /// A tag other than the YAML core schema's (`!!str`, `!!int`, ...).
    public static let unsupportedTag: Self = "unsupported_tag"
    /// A merge key (`<<`) whose value is not a mapping or a list of mappings.
    public static let invalidMerge: Self = "invalid_merge"
    /// A required key is absent.
    public static let missingKey: Self = "missing_key"
    /// A key that the schema does not know.
    public static let unknownKey: Self = "unknown_key"
    /// A value of the wrong type (a string where a number belongs, a list where a mapping belongs).
    public static let typeMismatch: Self = "type_mismatch"
    /// A number outside its allowed range.
    public static let outOfRange: Self = "out_of_range"
    /// A value that is not one of the allowed choices.
    public static let invalidEnum: Self = "invalid_enum"
    /// A value of the right type that is still not acceptable (an empty list that must not be empty,
    /// a malformed time).
    public static let invalidValue: Self = "invalid_value"
    /// An environment override that cannot be applied (unknown section, unparseable value).
    public static let invalidOverride: Self = "invalid_override"
}
