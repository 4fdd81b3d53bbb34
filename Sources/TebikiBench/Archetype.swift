/// The four shapes of product the real content has, which the synthetic products take in turn.
package enum Archetype: String, Sendable, CaseIterable {
    /// Like the SSL certificate: a status enumeration, an irreversible revocation, a wait that must
    /// end in the window, rows repeated per extra year, a decision table with first hit.
    case lifecycle
    /// Like the HTTPS Acceleration Gateway: usage partitions, an irreversible reset and a prorated formula.
    case metered
    /// Like the private CA: a state enumeration, an irreversible reset, variants of the shared refund steps.
    case authority
    /// Like the four services: one shared `used` fact, refunded only while unused.
    case service
}
