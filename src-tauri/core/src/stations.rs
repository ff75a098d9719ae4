//! INTERPOL duty stations and their IANA zones (docs/domain.md#duty-stations), so a
//! deadline written as a bare date is read in the right place.

/// (names as notices write them, lower case, in English and French; IANA zone)
const STATIONS: &[(&[&str], &str)] = &[
    (&["lyon"], "Europe/Paris"),
    (&["singapore", "singapour"], "Asia/Singapore"),
    (&["buenos aires"], "America/Argentina/Buenos_Aires"),
    (&["san salvador"], "America/El_Salvador"),
    (&["abidjan"], "Africa/Abidjan"),
    (&["nairobi"], "Africa/Nairobi"),
    (&["harare"], "Africa/Harare"),
    (&["yaoundé", "yaounde"], "Africa/Douala"),
    (&["bangkok"], "Asia/Bangkok"),
    (&["brussels", "bruxelles"], "Europe/Brussels"),
    (&["new york"], "America/New_York"),
    (
        &["addis ababa", "addis-abeba", "addis abeba"],
        "Africa/Addis_Ababa",
    ),
    (&["london", "londres"], "Europe/London"),
];

/// The zone of a known duty station named at the start of `station` ("Lyon, France", "Lyon*",
/// "Singapour"); `None` for a place Dossier does not know, which the candidate then picks.
pub fn zone_for(station: &str) -> Option<&'static str> {
    let lower = station.trim().to_lowercase();
    STATIONS.iter().find_map(|(names, zone)| {
        names
            .iter()
            .any(|name| {
                lower
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
            .then_some(*zone)
    })
}

/// How many of the known places `value` names as words ("Lyon or Singapore" names two): a value
/// naming several gives no zone, since the candidate does not know which one applies.
pub fn places_named(value: &str) -> usize {
    let lower = value.to_lowercase();
    STATIONS
        .iter()
        .filter(|(names, _)| {
            names.iter().any(|name| {
                lower.match_indices(name).any(|(at, _)| {
                    let before = lower[..at].chars().next_back();
                    let after = lower[at + name.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        })
        .count()
}

/// The zone of a station when it is one known place, `None` when it names several or none.
pub fn single_zone(station: &str) -> Option<&'static str> {
    (places_named(station) <= 1)
        .then(|| zone_for(station))
        .flatten()
}

/// The place a zone is called by, where a time is said in it: the duty station's name for a
/// station's zone ("Lyon" for `Europe/Paris`), else the zone's own city ("Tokyo").
pub fn place_for_zone(zone: &str) -> String {
    let title_case = |name: &str| {
        name.split(' ')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    STATIONS
        .iter()
        .find(|(_, z)| *z == zone)
        .and_then(|(names, _)| names.first())
        .map(|name| title_case(name))
        .unwrap_or_else(|| zone.rsplit('/').next().unwrap_or(zone).replace('_', " "))
}

/// Every zone a duty station may be in, for the UI's picker.
pub fn known_zones() -> Vec<&'static str> {
    let mut zones: Vec<_> = STATIONS.iter().map(|(_, z)| *z).collect();
    zones.sort_unstable();
    zones.dedup();
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_called_by_its_duty_station_or_its_city() {
        assert_eq!(place_for_zone("Europe/Paris"), "Lyon");
        assert_eq!(place_for_zone("Africa/Douala"), "Yaoundé");
        assert_eq!(place_for_zone("Africa/Addis_Ababa"), "Addis Ababa");
        assert_eq!(
            place_for_zone("America/Argentina/Buenos_Aires"),
            "Buenos Aires"
        );
        assert_eq!(place_for_zone("Asia/Tokyo"), "Tokyo");
        assert_eq!(place_for_zone("UTC"), "UTC");
    }

    #[test]
    fn known_stations_resolve_with_country_and_markers() {
        assert_eq!(zone_for("Lyon, France"), Some("Europe/Paris"));
        assert_eq!(zone_for("Lyon*"), Some("Europe/Paris"));
        assert_eq!(zone_for("  Singapour "), Some("Asia/Singapore"));
        assert_eq!(zone_for("Yaoundé, Cameroon"), Some("Africa/Douala"));
        assert_eq!(
            zone_for("Buenos Aires, Argentina"),
            Some("America/Argentina/Buenos_Aires")
        );
    }

    #[test]
    fn unknown_or_merely_similar_names_are_not_guessed() {
        assert_eq!(zone_for("Lyonville"), None);
        assert_eq!(zone_for("Paris"), None);
        assert_eq!(zone_for(""), None);
    }

    #[test]
    fn several_places_give_no_zone() {
        assert_eq!(single_zone("Lyon, France"), Some("Europe/Paris"));
        assert_eq!(single_zone("Lyon or Singapore"), None);
        assert_eq!(single_zone("Lyon, France / Singapore"), None);
        assert_eq!(places_named("Buenos Aires, Argentina"), 1);
        assert_eq!(single_zone("Vienna"), None);
    }

    #[test]
    fn every_zone_is_a_real_iana_zone() {
        for zone in known_zones() {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
    }
}
