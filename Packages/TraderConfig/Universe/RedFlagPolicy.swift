import TraderCore
import YAMLConfig

/// `universe.yaml` `red_flags`: how long each kind of red flag bans a symbol from new entries, and
/// the flags raised now.
public struct RedFlagPolicy: Hashable, Sendable, Codable {
    /// A kind of red flag.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case recentExploit = "recent_exploit"
        case regulatoryAction = "regulatory_action"
        case delistingRumors = "delisting_rumors"
        case teamRug = "team_rug"
    }

    /// Ban length in hours by kind.
    public struct BanHours: Hashable, Sendable, Codable, YAMLFieldRules {
        /// Hours banned after a recent exploit.
        public var recentExploit: Int
        /// Hours banned after regulatory action.
        public var regulatoryAction: Int
        /// Hours banned on delisting rumors.
        public var delistingRumors: Int
        /// Hours banned after the team pulled the rug.
        public var teamRug: Int

        /// The ban length of `kind`.
        public subscript(kind: Kind) -> Int {
            switch kind {
            case .recentExploit: recentExploit
            case .regulatoryAction: regulatoryAction
            case .delistingRumors: delistingRumors
            case .teamRug: teamRug
            }
        }

        public static let yamlFieldRules: [String: YAMLFieldRule] = [
            "recent_exploit": .range(1...87_600), "regulatory_action": .range(1...87_600),
            "delisting_rumors": .range(1...87_600), "team_rug": .range(1...87_600),
        ]
    }

    /// One raised flag.
    public struct Flag: Hashable, Sendable, Codable {
        /// The flagged symbol.
        public var symbol: Symbol
        /// What kind of flag.
        public var kind: Kind
        /// When it was raised; the ban ends `temporary_ban_hours[kind]` later.
        public var raisedAt: Timestamp
    }

    /// Ban lengths by kind.
    public var temporaryBanHours: BanHours
    /// The flags raised now.
    public var raised: [Flag]
}
