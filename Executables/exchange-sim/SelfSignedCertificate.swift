import Crypto
import Foundation
import SwiftASN1
import X509

/// A self-signed certificate for 127.0.0.1 and localhost, with its P-256 key, both PEM: what
/// `exchange-sim --https` serves when given no certificate. It is its own CA (basic constraints
/// CA, key usage to sign certificates) so that OpenSSL-based clients accept it as a trust anchor.
enum SelfSignedCertificate {
    /// A new certificate, valid from an hour ago for 30 days, and its key.
    ///
    /// - Throws: what swift-certificates throws when it cannot build or serialize it.
    static func make(now: Date = Date()) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("exchange-sim") }
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(30 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectKeyIdentifier(hash: publicKey)
                SubjectAlternativeNames([.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}
