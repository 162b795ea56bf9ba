"""The demo BTI guide in nynorsk: drafted with Apertium (nob-nno_e) from ``demo_content`` and
reviewed by hand (e-infinitive, the services' nynorsk names, "uro" as in the glossary).

Keyed as the bokmål: levels by number, steps by key, tools and thematic guides by slug, signs
by their bokmål text."""

# ruff: noqa: E501 - prose

LEVELS = {
    0: {
        "title": "Undring og uro",
        "summary": "Du undrar deg over korleis eit barn har det. På nivå 0 skildrar du det du ser, drøftar det med leiaren eller ein kollega, og har den nødvendige samtalen med familien. Innan 14 dagar bestemmer de kva som skal skje.",
        "body": "Når ein tilsett lurer på korleis barnet ditt har det, tek dei det opp med deg. Dei fortel kva dei har sett, og spør korleis de opplever det heime. Ofte finst det ei enkel forklaring, og saka blir avslutta. De bestemmer saman om noko bør gjerast.\n\nPå dette nivået blir opplysningane verande i tenesta. Dei tilsette kan drøfte saka med andre utan å seie kven det gjeld.",
    },
    1: {
        "title": "Tiltak i eiga teneste",
        "summary": "Tenesta som undra seg, set i gang tiltak saman med familien. Det blir laga ein kort plan, éin person blir stafetthaldar, og de avtaler når tiltaka skal evaluerast.",
        "body": "Barnehagen, skulen eller tenesta de alt kjenner, gjer noko ekstra for barnet, og de er med på å bestemme kva. Éin tilsett har ansvaret for å halde tråden. De avtaler ein dato for å sjå om det hjelper.\n\nViss de samtykkjer, kan planen skrivast i ein stafettlogg.",
    },
    2: {
        "title": "Samarbeid med anna teneste",
        "summary": "Når eiga teneste ikkje strekk til, blir éi eller fleire andre tenester kopla inn. Samtykket må nemne kvar teneste. Tenestene møtest innan to veker og lagar ein felles plan.",
        "body": "Nokre gonger trengst det hjelp frå fleire, til dømes helsesjukepleiaren, PPT eller familiens hus. Det skjer berre med samtykket ditt, og du bestemmer kva tenester som får vere med. De møtest og lagar ein felles plan, og stafetthaldaren syter for at alle veit kva som er avtalt.",
    },
    3: {
        "title": "Utvida tverrfagleg samarbeid",
        "summary": "Barnet treng hjelp frå mange tenester over tid. Det blir oppretta ei ansvarsgruppe med koordinator, og barnet kan ha rett til individuell plan.",
        "body": "Når barnet treng mykje hjelp over lang tid, blir tenestene samla i ei ansvarsgruppe der de er med. Ein koordinator har ansvaret for heilskapen. Barnet kan ha rett til ein individuell plan.",
    },
}

STEPS = {
    "n0-beskriv": {
        "title": "Beskriv det du ser",
        "summary": "Skriv ned konkret kva du har sett og høyrt, når og kvar, utan å tolke.",
        "body": "Bruk lista over teikn og signal. Noter endringar over tid.",
        "responsible": "Tilsett som undrar seg",
        "documentation": "Eigne notat i tenesta, utan å opprette stafettlogg.",
        "participation": "Ingen enno; det du skriv, skal du kunne vise foreldra.",
    },
    "n0-drofte": {
        "title": "Drøft med leiar eller kollega",
        "summary": "Del undringa med leiaren, ein kollega eller BTI-kontakten.",
        "body": "Drøft gjerne anonymt. Barnevernstenesta kan også gi råd utan namn.",
        "responsible": "Tilsett og leiar",
        "documentation": "At du har drøfta, og med kven.",
        "participation": "Barnet og familien er anonyme i drøftinga.",
    },
    "n0-samtale": {
        "title": "Ha den nødvendige samtalen",
        "summary": "Snakk med barnet og foreldra om det du har sett.",
        "body": "Førebu samtalen med samtaleguiden. Lytt, og spør korleis dei opplever det.",
        "responsible": "Tilsett, gjerne saman med leiaren",
        "documentation": "Kort referat: kva de snakka om, og kva de vart samde om.",
        "participation": "Foreldra og barnet fortel korleis dei ser det, og er med på å bestemme vidare.",
    },
    "n0-beslutt": {
        "title": "Bestem vegen vidare",
        "summary": "Avslutt saka, eller gå vidare til nivå 1, 2 eller 3.",
        "body": "Ved mistanke om vald eller overgrep: meld til barnevernstenesta med ein gong.",
        "responsible": "Tilsett og leiar",
        "documentation": "Avgjerda og grunngivinga.",
        "participation": "Familien får vite kva som er bestemt, og kvifor.",
    },
    "n1-samtykke": {
        "title": "Hent inn samtykke",
        "summary": "Be dei føresette om samtykke til å opprette stafettlogg.",
        "body": "Samtykket blir gitt til tenesta, ikkje til ein person. Munnleg samtykke blir registrert.",
        "responsible": "Stafetthaldar",
        "documentation": "Samtykket: kven, når, korleis og kva tenester.",
        "participation": "Dei føresette, og barnet frå det har eigen rett, samtykkjer eller seier nei.",
    },
    "n1-plan": {
        "title": "Lag ein kort plan",
        "summary": "Avtal mål og tiltak, og kven som gjer kva.",
        "body": "Bruk handlingsplanen. Vel tiltak frå tiltaksoversikta.",
        "responsible": "Stafetthaldar",
        "documentation": "Mål, tiltak, ansvar og fristar i stafettloggen.",
        "participation": "Ønska til barnet og foreldra blir skrivne inn med deira eigne ord.",
    },
    "n1-gjennomfor": {
        "title": "Gjennomfør tiltaka",
        "summary": "Set planen ut i livet og følg med på korleis det går.",
        "body": "Hald jamleg kontakt med familien.",
        "responsible": "Stafetthaldar og tilsette i tenesta",
        "documentation": "Viktige hendingar og samtalar.",
        "participation": "Familien gir tilbakemelding undervegs.",
    },
    "n1-evaluer": {
        "title": "Evaluer",
        "summary": "Sjå etter på den avtalte datoen om tiltaka verka.",
        "body": "Bruk evalueringsskjemaet saman med familien.",
        "responsible": "Stafetthaldar",
        "documentation": "Evalueringa: kva som verka, og neste steg.",
        "participation": "Vurderinga til barnet og foreldra blir skriven inn som deira eiga.",
    },
    "n2-samtykke": {
        "title": "Utvid samtykket",
        "summary": "Få samtykke til at dei nye tenestene kan vere med.",
        "body": "Kvar ny teneste må stå i samtykket.",
        "responsible": "Stafetthaldar",
        "documentation": "Oppdatert samtykke.",
        "participation": "Dei føresette bestemmer kva tenester som får vere med.",
    },
    "n2-mote": {
        "title": "Samarbeidsmøte",
        "summary": "Kall inn til møte med familien og tenestene.",
        "body": "Møtet blir halde innan to veker etter at ei ny teneste er kopla inn.",
        "responsible": "Stafetthaldar",
        "documentation": "Referat i stafettloggen: kven som var til stades, og kva som vart avtalt.",
        "participation": "Familien er med og får seie kva dei meiner.",
    },
    "n2-plan": {
        "title": "Felles plan",
        "summary": "Lag ein felles plan med mål, tiltak, ansvar og evalueringsdato.",
        "body": "Planen blir skriven i stafettloggen.",
        "responsible": "Stafetthaldar og tenestene",
        "documentation": "Planen.",
        "participation": "Stemma til barnet skal kome tydeleg fram.",
    },
    "n2-evaluer": {
        "title": "Evaluer saman",
        "summary": "Evaluer planen saman med familien og tenestene.",
        "body": "Vurder om saka skal avsluttast, halde fram eller gå til eit anna nivå.",
        "responsible": "Stafetthaldar",
        "documentation": "Evalueringa og avgjerda.",
        "participation": "Familien er med på vurderinga.",
    },
    "n3-ansvarsgruppe": {
        "title": "Opprett ansvarsgruppe",
        "summary": "Set saman ei ansvarsgruppe med familien og tenestene.",
        "body": "Avklar om barnet har rett til individuell plan og barnekoordinator.",
        "responsible": "Leiar og koordinator",
        "documentation": "Kven som er med, og kva mandat gruppa har.",
        "participation": "Familien er medlem av gruppa.",
    },
    "n3-koordinator": {
        "title": "Peik ut koordinator",
        "summary": "Éin person får ansvaret for heilskapen.",
        "body": "Koordinatoren tek over stafetten.",
        "responsible": "Leiar",
        "documentation": "Kven som er koordinator.",
        "participation": "Familien veit kven dei skal kontakte.",
    },
    "n3-plan": {
        "title": "Individuell plan eller felles plan",
        "summary": "Lag ein langsiktig plan.",
        "body": "Når barnet har rett til individuell plan, blir IP-verktøyet til kommunen brukt.",
        "responsible": "Koordinator",
        "documentation": "Planen og møtereferat.",
        "participation": "Barnet og familien eig planen saman med tenestene.",
    },
    "n3-evaluer": {
        "title": "Evaluer jamleg",
        "summary": "Ansvarsgruppa evaluerer planen minst to gonger i året.",
        "body": "Avslutt med ei sluttevaluering saman med familien.",
        "responsible": "Koordinator",
        "documentation": "Evalueringar og avslutning.",
        "participation": "Familien er med på evalueringa.",
    },
}

TOOLS = {
    "samtykkeskjema": {
        "title": "Samtykkeskjema",
        "summary": "Skjema for samtykket frå dei føresette til samarbeid mellom namngitte tenester.",
    },
    "samtaleguide": {
        "title": "Samtaleguide for den nødvendige samtalen",
        "summary": "Slik førebur og gjennomfører du samtalen med foreldra.",
    },
    "samtalen-med-barnet": {
        "title": "Samtalen med barnet",
        "summary": "Råd om å snakke med barn om det som er vanskeleg.",
    },
    "tegn-og-signaler": {
        "title": "Teikn og signal",
        "summary": "Kva du kan leggje merke til hos barn og unge i ulike aldrar.",
    },
    "handlingsplan": {
        "title": "Handlingsplan",
        "summary": "Mal for mål, tiltak, ansvar og evalueringsdato.",
    },
    "evalueringsskjema": {
        "title": "Evalueringsskjema",
        "summary": "Spørsmål for å evaluere tiltak saman med familien.",
    },
    "moteinnkalling": {
        "title": "Innkalling til møte",
        "summary": "Innkalling til samarbeidsmøte eller ansvarsgruppemøte, med tid, stad og saksliste.",
    },
    "motereferat": {
        "title": "Møtereferat",
        "summary": "Kven som var til stades, kva de vart samde om, og neste steg.",
    },
    "avslutningsnotat": {
        "title": "Avslutningsnotat",
        "summary": "Samandrag av stafettloggen til mappa til barnet når saka blir avslutta.",
    },
}

SIGNS = {
    "Lite språk eller samspill sammenlignet med jevnaldrende": "Lite språk eller samspel samanlikna med jamaldrande",
    "Uvanlig tilbaketrukket, stille eller redd": "Uvanleg tilbaketrekt, stille eller redd",
    "Blåmerker eller skader som ikke passer med forklaringen": "Blåmerke eller skadar som ikkje passar med forklaringa",
    "Voksne som henter i påvirket tilstand": "Vaksne som hentar i påverka tilstand",
    "Mangler klær etter vær eller mat i sekken over tid": "Manglar klede etter vêret eller mat i sekken over tid",
    "Foreldre som virker svært slitne, triste eller fraværende": "Foreldre som verkar svært slitne, triste eller fråverande",
    "Mye fravær, ofte korte fravær eller ofte syk på mandager": "Mykje fråvær, ofte korte fråvær eller ofte sjuk på måndagar",
    "Går alene i friminuttene, blir holdt utenfor": "Går åleine i friminutta, blir halden utanfor",
    "Endring i humør, konsentrasjon eller søvn": "Endring i humør, konsentrasjon eller søvn",
    "Seksualisert atferd eller språk som ikke passer alderen": "Seksualisert åtferd eller språk som ikkje passar alderen",
    "Tar mye ansvar hjemme, for søsken eller for foreldrene": "Tek mykje ansvar heime, for sysken eller for foreldra",
    "Deltar ikke på bursdager eller aktiviteter som koster penger": "Er ikkje med i bursdagar eller på aktivitetar som kostar pengar",
    "Økende fravær og synkende karakterer": "Aukande fråvær og dårlegare karakterar",
    "Selvskading, eller snakker om å ikke ville leve": "Sjølvskading, eller snakkar om å ikkje ville leve",
    "Tegn på eget rusbruk, eller bekymring for foreldrenes": "Teikn på eigen rusbruk, eller uro for rusbruken til foreldra",
    "Forteller om kontroll, trusler eller vold i et forhold": "Fortel om kontroll, truslar eller vald i eit forhold",
    "Har sluttet med alle fritidsaktiviteter og venner": "Har slutta med alle fritidsaktivitetar og vener",
    "Uttrykker frykt for å bli sendt til utlandet eller giftet bort": "Seier at han eller ho er redd for å bli send til utlandet eller gift bort",
    "Står uten skole, jobb eller fast bolig": "Står utan skule, jobb eller fast bustad",
    "Isolerer seg og har mistet kontakt med venner": "Isolerer seg og har mista kontakten med vener",
    "Rusbruk som går ut over skole, jobb eller økonomi": "Rusbruk som går ut over skule, jobb eller økonomi",
}

THEME_GUIDES = {
    "vold-og-overgrep": {
        "title": "Vald og overgrep",
        "summary": "Når du trur eit barn blir utsett for vald eller seksuelle overgrep.",
        "body": "Ved mistanke om vald eller overgrep skal du **ikkje** følgje nivåa, og du skal **ikkje** snakke med foreldra først. Det kan setje barnet i fare og øydeleggje bevis.\n\n1. Kontakt barnevernstenesta med ein gong. Utanom kontortida: barnevernvakta eller politiet på 112.\n2. Skriv ned nøyaktig kva barnet sa, med dei orda barnet sjølv brukte.\n3. Informer leiaren din, men vent ikkje på leiaren viss det hastar.\n\nDu kan drøfte saka anonymt med barnevernstenesta eller Statens barnehus viss du er usikker.",
    },
    "rus-i-familien": {
        "title": "Rus i familien",
        "summary": "Når du er uroa for at foreldre eller ungdom bruker rusmiddel.",
        "body": "Barn som lever med rusbruken til foreldra, tek ofte mykje ansvar og løyner det. Følg nivåa, og ha samtalen med foreldra på ein måte som ikkje skaper skam.\n\nViss barnet ikkje får forsvarleg omsorg, til dømes fordi foreldra er rusa når dei har ansvaret for barnet, skal du melde til barnevernstenesta med ein gong.",
    },
    "psykisk-helse-hos-foreldre": {
        "title": "Psykisk helse hos foreldre",
        "summary": "Når ein forelder strevar med psykisk sjukdom.",
        "body": "Barn som pårørande har rett til informasjon og oppfølging. Snakk med foreldra om korleis barnet har det, og tilby samtalar for barn som pårørande.\n\nViss sjukdommen gjer at barnet ikkje får forsvarleg omsorg, gjeld opplysningsplikta.",
    },
    "skolefravaer": {
        "title": "Skulefråvær som gir grunn til uro",
        "summary": "Når ein elev er mykje borte frå skulen.",
        "body": "Fråvær er ofte eit teikn på at noko anna er vanskeleg. Skulen kartlegg fråværet, snakkar med eleven og foreldra og lagar ein plan.\n\nVed langvarig fråvær utan kjend årsak, eller når foreldra ikkje syter for at barnet får opplæring, skal skulen vurdere å melde til barnevernstenesta.",
    },
}
