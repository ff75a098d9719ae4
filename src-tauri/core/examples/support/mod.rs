//! What the examples share: the fixed pseudo-random sequence and word lists the generated
//! vacancies are made of (so the benchmark and the generated history hold the same kind of
//! data), and reading a size from the environment. Each example uses only some of it.
#![allow(dead_code)]

pub mod vacancies;

/// A fixed pseudo-random sequence, so every run measures the same data.
pub struct Sequence(pub u64);

impl Sequence {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len() as u64) as usize]
    }
}

pub const ROLES: &[&str] = &[
    "Criminal Intelligence Analyst",
    "Specialized Officer",
    "Project Coordinator",
    "Legal Officer",
    "Data Protection Officer",
    "Cybercrime Investigator",
    "Human Resources Assistant",
    "Financial Analyst",
    "Software Engineer",
    "Procurement Officer",
    "Forensic Specialist",
    "Translator",
];
pub const AREAS: &[&str] = &[
    "Counter-Terrorism",
    "Cybercrime",
    "Financial Crime",
    "Environmental Security",
    "Vulnerable Communities",
    "Firearms",
    "Drugs",
    "Maritime Security",
];
pub const STATIONS: &[(&str, &str)] = &[
    ("Lyon, France", "Europe/Paris"),
    ("Singapore", "Asia/Singapore"),
    ("Buenos Aires, Argentina", "America/Argentina/Buenos_Aires"),
    ("Nairobi, Kenya", "Africa/Nairobi"),
    ("Brussels, Belgium", "Europe/Brussels"),
    ("New York, United States", "America/New_York"),
];
pub const WORDS: &[&str] = &[
    "support",
    "operations",
    "member",
    "countries",
    "analysis",
    "databases",
    "police",
    "cooperation",
    "training",
    "projects",
    "reports",
    "partners",
    "regional",
    "capacity",
    "investigations",
    "notices",
    "coordination",
    "requirements",
    "experience",
    "knowledge",
];

/// A number from the environment, or `default` when unset or unreadable.
pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .unwrap_or(default)
}
