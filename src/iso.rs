//! ISO 3166-1 alpha-2 codes: the 249 officially assigned, plus the user-assigned ranges
//! (AA, QM-QZ, XA-XZ, ZZ) for fictional or test states such as `XX`.

const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Whether a code is in the ranges ISO 3166-1 leaves to users (AA, QM-QZ, XA-XZ, ZZ): it names a state only where
/// some data defines one.
pub(crate) fn is_user_assigned(code: &str) -> bool {
    let b = code.as_bytes();
    code == "AA"
        || code == "ZZ"
        || (b.len() == 2 && (b[0] == b'X' || (b[0] == b'Q' && b[1] >= b'M')))
}

/// Whether `code` (upper case) is an assigned or user-assigned ISO 3166-1 alpha-2 code.
pub(crate) fn is_known(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 2 {
        return false;
    }
    let user_assigned = code == "AA"
        || code == "ZZ"
        || b[0] == b'X'
        || (b[0] == b'Q' && (b'M'..=b'Z').contains(&b[1]));
    user_assigned || ASSIGNED.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_and_known() {
        assert!(super::ASSIGNED.windows(2).all(|w| w[0] < w[1]));
        assert!(super::is_known("DE") && super::is_known("XX") && super::is_known("QZ"));
        assert!(!super::is_known("UK") && !super::is_known("QA1") && !super::is_known("EU"));
    }
}
