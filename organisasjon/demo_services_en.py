"""The demo services' names and descriptions in English. Names people will meet in Norwegian
keep the Norwegian word beside the English one."""

# ruff: noqa: E501 - prose

SERVICES = {
    "solbakken-barnehage": {
        "name": "Solbakken Kindergarten",
        "description": "A municipal kindergarten (barnehage) with five groups for children from the age of one until they start school. The kindergarten has its own BTI contact and takes part in the prevention forum.",
    },
    "fjellheim-barnehage": {
        "name": "Fjellheim Kindergarten",
        "description": "A municipal kindergarten with three groups and an emphasis on language and outdoor life.",
    },
    "sentrum-skole": {
        "name": "Sentrum School",
        "description": "A primary school for years 1–7. The contact teacher is often the one who holds the baton when the school and other services work together for a pupil.",
    },
    "nordbyen-ungdomsskole": {
        "name": "Nordbyen Lower Secondary School",
        "description": "A lower secondary school (ungdomsskole) for years 8–10, with a social counsellor and a social worker.",
    },
    "sfo-sentrum": {
        "name": "After-school programme (SFO) at Sentrum School",
        "description": "The school's before- and after-school programme (SFO) for years 1–4.",
    },
    "helsestasjon-og-skolehelsetjeneste": {
        "name": "Child Health Clinic and School Health Service",
        "description": "Antenatal care, the child health clinic (helsestasjon) for children aged 0–5, the school health service and the youth health clinic. A public health nurse is present at every school.",
    },
    "ppt": {
        "name": "Educational and Psychological Counselling Service (PPT)",
        "description": "Expert assessment of the need for special needs support in kindergarten and special education at school, and guidance for kindergartens and schools.",
    },
    "barneverntjenesten": {
        "name": "Child Welfare Service",
        "description": "The child welfare service (barneverntjenesten) receives reports of concern, gives advice and guidance, anonymously too, and provides support measures together with the family.",
    },
    "nav": {
        "name": "NAV Eksempel (Labour and Welfare Office)",
        "description": "Financial advice, social assistance and follow-up of young people who need help with school, work or housing. Has its own advisers for young people.",
    },
    "familiens-hus": {
        "name": "Familiens hus (Family Centre)",
        "description": "Parenting guidance, family therapy and conversation groups for children and parents.",
    },
    "psykisk-helse-og-rus": {
        "name": "Mental Health and Substance Use Service",
        "description": "Easy-to-reach talks for young people and young adults, without a referral, and prevention of substance use.",
    },
    "kultur-og-fritid": {
        "name": "Culture and Leisure",
        "description": "The youth club, the school of arts, the leisure card and the youth council.",
    },
    "tannhelsetjenesten": {
        "name": "Public Dental Service",
        "description": "Free dental care for children and young people. Dental staff also have a duty to report and speak up when they see signs of neglect.",
    },
    "fysio-og-ergoterapi": {
        "name": "Physiotherapy and Occupational Therapy",
        "description": "Motor development, assistive aids and adaptations for children and young people.",
    },
    "integrering-og-flyktningtjeneste": {
        "name": "Integration and Refugee Service",
        "description": "Settlement and follow-up of refugee families and unaccompanied minors.",
    },
    "fastlegene": {
        "name": "The GPs in Eksempel (fastlegene)",
        "description": "A partner: the GPs take part in collaboration about children when the family wishes.",
    },
}

# Opening hours, keyed by the bokmål text (several services share one).
OPENING_HOURS = {
    "Mandag–fredag 07.00–16.30": "Monday–Friday 07:00–16:30",
    "Mandag–fredag 07.15–16.45": "Monday–Friday 07:15–16:45",
    "Kontoret er åpent 08.00–15.00": "The office is open 08:00–15:00",
    "Mandag–fredag 07.00–08.30 og etter skoletid til 16.30": "Monday–Friday 07:00–08:30, and after school until 16:30",
    "Mandag–fredag 08.00–15.30": "Monday–Friday 08:00–15:30",
    "Mandag–fredag 08.00–15.30. Drop-in for ungdom onsdag 12–15": "Monday–Friday 08:00–15:30. Drop-in for young people on Wednesdays 12:00–15:00",
    "Mandag–fredag 08.00–15.30. Helsestasjon for ungdom tirsdag 14–17": "Monday–Friday 08:00–15:30. Youth health clinic on Tuesdays 14:00–17:00",
    "Mandag–fredag 08.00–15.30. Utenom kontortid: barnevernvakten": "Monday–Friday 08:00–15:30. Outside office hours: the child welfare emergency service (barnevernvakten)",
    "Mandag–fredag 08.00–16.00. Legevakt: 116 117": "Monday–Friday 08:00–16:00. Out-of-hours medical service (legevakt): 116 117",
    "Mandag–fredag 10.00–14.00": "Monday–Friday 10:00–14:00",
    "Ungdomsklubben: tirsdag og torsdag 18–22, fredag 19–23": "The youth club: Tuesdays and Thursdays 18:00–22:00, Fridays 19:00–23:00",
}
