//! The vocabulary of the seeded organization: names, teams (their roles, skills and projects)
//! and places.

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Alan", "Amara", "Ana", "Anil", "Beatriz", "Ben", "Chen", "Chloe", "Dario", "Divya",
    "Elena", "Emeka", "Emma", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jamal",
    "Jana", "Jonas", "Julia", "Kai", "Kenji", "Lara", "Leila", "Liam", "Lucia", "Maya", "Mateo",
    "Mei", "Mia", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rosa", "Sami", "Sara",
    "Sofia", "Tariq", "Tess", "Theo", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zoe",
];

pub const LAST_NAMES: &[&str] = &[
    "Abbott", "Adeyemi", "Almeida", "Andersen", "Bauer", "Bianchi", "Chen", "Costa", "Dubois",
    "Eriksen", "Fischer", "Garcia", "Gupta", "Haddad", "Hansen", "Ito", "Jensen", "Kim",
    "Kowalski", "Larsen", "Lopez", "Martin", "Meyer", "Mensah", "Moreau", "Nakamura", "Novak",
    "Okafor", "Olsen", "Patel", "Perez", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith",
    "Tanaka", "Torres", "Varga", "Wagner", "Wang", "Weber", "Williams", "Yilmaz", "Zhang",
];

/// The departments, each with the roles in it and what its people know about.
pub struct Team {
    pub name: &'static str,
    pub roles: &'static [&'static str],
    pub skills: &'static [&'static str],
    /// What the team works on, for posts ("the billing migration").
    pub projects: &'static [&'static str],
}

pub const TEAMS: &[Team] = &[
    Team {
        name: "Engineering",
        roles: &[
            "Software Engineer",
            "Senior Software Engineer",
            "Staff Engineer",
            "Site Reliability Engineer",
        ],
        skills: &[
            "Rust",
            "PostgreSQL",
            "Kubernetes",
            "TypeScript",
            "observability",
            "code review",
            "performance",
        ],
        projects: &[
            "the billing migration",
            "the new search service",
            "the mobile app release",
            "the on-call handbook",
        ],
    },
    Team {
        name: "Product",
        roles: &[
            "Product Manager",
            "Senior Product Manager",
            "Product Analyst",
        ],
        skills: &[
            "roadmaps",
            "user research",
            "pricing",
            "analytics",
            "discovery interviews",
        ],
        projects: &[
            "the Q3 roadmap",
            "the pricing review",
            "the onboarding revamp",
        ],
    },
    Team {
        name: "Design",
        roles: &["Product Designer", "UX Researcher", "Content Designer"],
        skills: &[
            "accessibility",
            "Figma",
            "design systems",
            "usability testing",
            "typography",
        ],
        projects: &[
            "the design system",
            "the accessibility audit",
            "the new sign-up flow",
        ],
    },
    Team {
        name: "Sales",
        roles: &[
            "Account Executive",
            "Sales Engineer",
            "Sales Development Representative",
        ],
        skills: &[
            "negotiation",
            "Salesforce",
            "enterprise deals",
            "demos",
            "public sector",
        ],
        projects: &[
            "the partner programme",
            "the spring pipeline review",
            "the public sector bid",
        ],
    },
    Team {
        name: "Marketing",
        roles: &[
            "Marketing Manager",
            "Content Strategist",
            "Events Coordinator",
        ],
        skills: &[
            "SEO",
            "copywriting",
            "events",
            "brand",
            "campaign analytics",
        ],
        projects: &[
            "the spring campaign",
            "the customer conference",
            "the new website",
        ],
    },
    Team {
        name: "Customer Success",
        roles: &[
            "Customer Success Manager",
            "Support Specialist",
            "Implementation Consultant",
        ],
        skills: &[
            "onboarding",
            "Zendesk",
            "renewals",
            "training",
            "escalations",
        ],
        projects: &[
            "the help centre rewrite",
            "the renewal playbook",
            "the customer advisory board",
        ],
    },
    Team {
        name: "Finance",
        roles: &["Financial Analyst", "Accountant", "Controller"],
        skills: &["budgets", "forecasting", "Excel", "procurement", "audits"],
        projects: &[
            "the annual budget",
            "the expense tool rollout",
            "the year-end close",
        ],
    },
    Team {
        name: "People",
        roles: &["People Partner", "Recruiter", "Learning Specialist"],
        skills: &[
            "hiring",
            "mentoring",
            "compensation",
            "interview training",
            "wellbeing",
        ],
        projects: &[
            "the mentoring programme",
            "the new careers page",
            "the engagement survey",
        ],
    },
    Team {
        name: "Legal",
        roles: &["Counsel", "Paralegal", "Privacy Officer"],
        skills: &["contracts", "GDPR", "privacy", "compliance", "licensing"],
        projects: &[
            "the privacy review",
            "the contract templates",
            "the open source policy",
        ],
    },
    Team {
        name: "Operations",
        roles: &["Operations Manager", "Business Analyst", "Program Manager"],
        skills: &[
            "process design",
            "vendor management",
            "planning",
            "OKRs",
            "logistics",
        ],
        projects: &[
            "the planning cycle",
            "the vendor consolidation",
            "the travel policy",
        ],
    },
    Team {
        name: "Research",
        roles: &["Research Scientist", "Data Scientist", "Research Engineer"],
        skills: &[
            "machine learning",
            "statistics",
            "Python",
            "experiment design",
            "data visualisation",
        ],
        projects: &[
            "the forecasting model",
            "the A/B testing platform",
            "the research review",
        ],
    },
    Team {
        name: "IT",
        roles: &[
            "IT Specialist",
            "Systems Administrator",
            "Security Engineer",
        ],
        skills: &[
            "laptops",
            "single sign-on",
            "security",
            "networking",
            "device management",
        ],
        projects: &[
            "the laptop refresh",
            "the single sign-on rollout",
            "the phishing drill",
        ],
    },
    Team {
        name: "Facilities",
        roles: &["Workplace Coordinator", "Facilities Manager"],
        skills: &[
            "office moves",
            "health and safety",
            "catering",
            "desk booking",
        ],
        projects: &[
            "the Lisbon office move",
            "the desk booking trial",
            "the fire drill",
        ],
    },
    Team {
        name: "Communications",
        roles: &[
            "Communications Manager",
            "Internal Communications Specialist",
            "Editor",
        ],
        skills: &["writing", "public speaking", "video", "town halls", "press"],
        projects: &[
            "the all-hands",
            "the company newsletter",
            "the annual report",
        ],
    },
];

/// Where the CEO sits: above every department.
pub const LEADERSHIP: Team = Team {
    name: "Leadership",
    roles: &["Chief of Staff"],
    skills: &["strategy", "leadership", "fundraising", "public speaking"],
    projects: &[
        "the company strategy",
        "the annual kickoff",
        "the board meeting",
    ],
};

/// What anyone might also be asked about.
pub const GENERAL_SKILLS: &[&str] = &[
    "mentoring",
    "public speaking",
    "Spanish",
    "German",
    "Japanese",
    "running",
    "photography",
    "chess",
    "cycling",
    "parenting",
    "sign language",
];

/// Offices and their time zones.
pub const PLACES: &[(&str, &str)] = &[
    ("Berlin", "Europe/Berlin"),
    ("Lisbon", "Europe/Lisbon"),
    ("London", "Europe/London"),
    ("Lagos", "Africa/Lagos"),
    ("Nairobi", "Africa/Nairobi"),
    ("Bangalore", "Asia/Kolkata"),
    ("Singapore", "Asia/Singapore"),
    ("Tokyo", "Asia/Tokyo"),
    ("Sydney", "Australia/Sydney"),
    ("São Paulo", "America/Sao_Paulo"),
    ("New York", "America/New_York"),
    ("Chicago", "America/Chicago"),
    ("Toronto", "America/Toronto"),
    ("San Francisco", "America/Los_Angeles"),
    ("Remote", "UTC"),
];

/// The language spoken in an office's city besides English, if another.
pub fn local_language(office: &str) -> Option<&'static str> {
    Some(match office {
        "Berlin" => "German",
        "Lisbon" | "São Paulo" => "Portuguese",
        "Tokyo" => "Japanese",
        "Bangalore" => "Hindi",
        "Nairobi" => "Swahili",
        "Lagos" => "Yoruba",
        "Singapore" => "Mandarin",
        "Toronto" => "French",
        _ => return None,
    })
}
