import Foundation
import Testing
import TraderConfig

/// The built config-lint, run as a subprocess: exit codes, output shapes, and secrets never printed.
@Suite struct ConfigLintProcessTests {
    @Test func aValidFolderExitsZeroAndPrintsTheHash() throws {
        let outcome = try ConfigLintProcess.run(["config"])
        #expect(outcome.status == 0)
        let hash = try #require(TraderConfigLoader(environment: [:]).load(.directory(TestPaths.config)).hash)
        #expect(outcome.standardOutput == "0 errors, 0 warnings\nconfig hash: \(hash)\n")
    }

    @Test func aBadFixtureExitsOneWithItsLocatedFinding() throws {
        let fixture = "Tests/TraderConfigTests/Fixtures/BadConfigs/type_mismatch/policy.yaml"
        let outcome = try ConfigLintProcess.run(["config/app.yaml", fixture, "config/universe.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.split(separator: "\n").first == """
            \(fixture):7:27: error: type_mismatch: risk.max_total_exposure_pct: expected a number from 0 to 100, got "fifty"
            """)
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let fixture = "Tests/TraderConfigTests/Fixtures/BadConfigs/symbol_normalized/universe.yaml"
        let files = ["config/app.yaml", "config/policy.yaml", fixture]
        #expect(try ConfigLintProcess.run(files).status == 0)
        #expect(try ConfigLintProcess.run(files + ["--strict"]).status == 1)
    }

    @Test func usageErrorsAndUnreadableInputExitTwo() throws {
        #expect(try ConfigLintProcess.run(["no-such-folder"]).status == 2)
        #expect(try ConfigLintProcess.run(["Package.swift"]).status == 2)
        #expect(try ConfigLintProcess.run(["config", "--format", "xml"]).status == 2)
        #expect(try ConfigLintProcess.run(["config", "--env", "prod"]).status == 2)
    }

    @Test func jsonOutputIsAnArrayOfFindings() throws {
        let outcome = try ConfigLintProcess.run(["config", "--format", "json"], environment: ["TRADER_MODE": "LIEV"])
        #expect(outcome.status == 1)
        let findings = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]]
        #expect(findings?.count == 1)
        let finding = try #require(findings?.first)
        #expect(finding["code"] as? String == "invalid_enum")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["variable"] as? String == "TRADER_MODE")
        #expect(finding["path"] as? String == "mode")
        #expect(finding["file"] is NSNull)
        #expect(finding["line"] is NSNull)
    }

    @Test func jsonOutputOfAValidConfigIsAnEmptyArrayWithTheHashOnStandardError() throws {
        let outcome = try ConfigLintProcess.run(["config", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "[\n\n]\n")
        #expect(outcome.standardError.hasPrefix("config hash: sha256:"))
    }

    @Test func secretsWrittenInYAMLAreNeverPrinted() throws {
        for (fixture, secret) in [
            ("secret_webhook_url/app.yaml", "SECRETwebhookTOKEN42"), ("secret_private_key/policy.yaml", "FAKEFAKEFAKEkey42"),
        ] {
            let path = "Tests/TraderConfigTests/Fixtures/BadConfigs/\(fixture)"
            let files = ConfigFileSet.Role.allCases.map { path.hasSuffix($0.fileName) ? path : "config/\($0.fileName)" }
            for format in ["text", "json"] {
                let outcome = try ConfigLintProcess.run(files + ["--format", format])
                #expect(outcome.status == 1)
                #expect(outcome.allOutput.contains("secret_in_yaml"))
                #expect(!outcome.allOutput.contains(secret))
            }
        }
    }

    @Test func secretsInTheEnvironmentAreNeverPrintedEvenWhenTheLintFails() throws {
        let secrets = [
            "TRADER_COINBASE_API_KEY_NAME": "organizations/org-SECRET1/apiKeys/key-SECRET2",
            "TRADER_COINBASE_API_PRIVATE_KEY": "-----BEGIN EC PRIVATE KEY-----SECRET3-----END EC PRIVATE KEY-----",
            "TRADER_ALERT_WEBHOOK_ONCALL": "https://hooks.slack.com/services/SECRET4",
        ]
        let environment = secrets.merging(["TRADER_MODE": "LIVE", "TRADER_VENUE": "coinbase"]) { $1 }
        let outcome = try ConfigLintProcess.run(["config", "--env", "production"], environment: environment)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("missing_alert_webhook"))
        for marker in ["SECRET1", "SECRET2", "SECRET3", "SECRET4"] {
            #expect(!outcome.allOutput.contains(marker))
        }
    }

    @Test func aSecretInAnOverrideValueIsNeverPrinted() throws {
        let outcome = try ConfigLintProcess.run(
            ["config"], environment: ["TRADER_LOGGING__FILE": "https://user:SECRET5@logs.example.invalid/x"])
        #expect(outcome.status == 1)
        #expect(!outcome.allOutput.contains("SECRET5"))
    }
}
