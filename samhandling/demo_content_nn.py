"""The demo collaboration model in nynorsk: drafted with Apertium (nob-nno_e) from
``demo_content.ELEMENTS`` and reviewed by hand (e-infinitive, "Barnevernstenesta" and "uro"
as in the glossary). Keyed by the element's slug; ``mandate`` only for the arenas."""

# ruff: noqa: E501 - prose

ELEMENTS = {
    "kommuneplanens-samfunnsdel": {
        "title": "Samfunnsdelen av kommuneplanen",
        "summary": "Det overordna målet til kommunen: alle barn og unge skal ha ein trygg oppvekst og få hjelp tidleg.",
        "body": "Samfunnsdelen slår fast at tidleg innsats og samarbeid på tvers av tenester er eit felles ansvar for heile kommunen. BTS-modellen er måten kommunen følgjer opp dette målet på.\n\nPlanen blir rullert kvart fjerde år, og kommunestyret får årsrapporten for BTS som grunnlag.",
    },
    "plan-for-forebyggende-arbeid": {
        "title": "Plan for førebyggjande arbeid med barn og unge",
        "summary": "Barnevernsreforma gir kommunen eit større ansvar for førebygging. Planen viser korleis.",
        "body": "Planen skildrar kva tenester som har ansvar for kva i det førebyggjande arbeidet, korleis dei samarbeider, og korleis kommunen følgjer med på levekåra til barn.\n\n- mål og satsingsområde for perioden\n- ansvar fordelt på tenestene\n- korleis planen blir evaluert kvart år",
    },
    "folkehelseoversikt": {
        "title": "Oversikt over folkehelsa",
        "summary": "Kunnskapsgrunnlaget om helsa og levekåra til barn og unge, mellom anna frå Ungdata.",
        "body": "Oversikta blir oppdatert kvart fjerde år og blir brukt når kommunen prioriterer tiltak for barn og unge. Folkehelsekoordinatoren har ansvaret.",
    },
    "lovverk-og-foringer": {
        "title": "Lovverk og nasjonale føringar",
        "summary": "Lovene som styrer samarbeidet om barn: teieplikt, opplysningsplikt, samtykke og samarbeidsplikt.",
        "body": "Samarbeidet byggjer mellom anna på barnevernslova, opplæringslova, barnehagelova, helse- og omsorgstenestelova og forvaltningslova. Sidan 2022 har tenestene ei lovfesta plikt til å samarbeide om barn som treng samansette tenester.\n\nOpplysningsplikta til barnevernet går alltid føre teieplikta.",
    },
    "styringsgruppe-bts": {
        "title": "Styringsgruppe for BTS",
        "summary": "Leiarar frå alle sektorane som har ansvaret for modellen og prioriteringane i han.",
        "body": "Styringsgruppa eig BTS-modellen på vegner av kommunedirektøren, vedtek endringar i modellen og behandlar årsrapporten før han går til kommunestyret.",
        "mandate": "Eige og prioritere arbeidet med BTS og BTI, og syte for at modellen er forankra i alle tenestene.",
    },
    "ressursgruppe-bts": {
        "title": "Ressursgruppe for BTS og BTI",
        "summary": "Fagpersonar frå tenestene som hjelper koordinatoren med å drifte og utvikle modellane.",
        "body": "Ressursgruppa følgjer med på korleis modellane blir brukte, foreslår forbetringar og planlegg opplæring. Gruppa møtest jamleg og rapporterer til styringsgruppa.",
        "mandate": "Følgje opp drifta av BTS-arbeidet, og evaluere og vidareutvikle modellane.",
    },
    "ungdomsradet": {
        "title": "Ungdomsrådet",
        "summary": "Den eigne stemma til dei unge i kommunen. Rådet uttaler seg om saker som gjeld barn og unge.",
        "body": "Ungdomsrådet har fast plass i styringsgruppa for BTS og blir høyrt før modellen blir endra.",
        "mandate": "Gi barn og unge innverknad i saker som gjeld dei.",
    },
    "arsrapport-bts": {
        "title": "Årsrapport for BTS",
        "summary": "Kvart år rapporterer BTS-koordinatoren til kommunedirektøren og kommunestyret.",
        "body": "Rapporten viser indikatorane for om modellen verkar: kor mange undringar og stafettloggar som er registrerte, korleis sakene har flytta seg mellom nivåa, og om evalueringar og gjennomgangar er gjorde i tide. Ingen enkeltbarn kan kjennast att.",
    },
    "arshjul-for-revisjon": {
        "title": "Årshjul for evaluering og revisjon",
        "summary": "Fast plan for når modellen, rettleiaren og tiltaksoversikta blir gått gjennom.",
        "body": "Kvart element i modellen har ein dato for neste gjennomgang. Eigaren får påminning ein månad før, og koordinatoren følgjer opp det som ikkje er gått gjennom.",
    },
    "brukerpanel-ungdom": {
        "title": "Brukarpanel for ungdom",
        "summary": "Unge med erfaring frå tenestene gir råd om korleis hjelpa kan bli betre.",
        "body": "Panelet møtest to gonger i året og les mellom anna dei opne sidene om BTI for å sjå om unge forstår dei.",
    },
    "rutine-for-oppfolging-av-modellen": {
        "title": "Rutine for forankring av modellen",
        "summary": "Korleis modellen blir halden levande: ansvar, opplæring og rapportering.",
        "body": "Alle leiarar har ansvar for at dei tilsette kjenner modellen og handlingsrettleiaren. Koordinatoren samlar status frå tenestene kvar haust.",
    },
    "bts-portalen": {
        "title": "BTS-portalen",
        "summary": "Denne portalen: modellen, handlingsrettleiaren, tiltaksoversikta og stafettloggen.",
        "body": "Portalen samlar det som før låg i ulike dokument og system. Innhaldet på dei opne sidene er for alle; stafettloggen er berre for tilsette som er med i ei sak.",
    },
    "forebyggende-forum": {
        "title": "Førebyggjande forum",
        "summary": "Tverrfagleg møte der barnehagar og skular kan drøfte ei undring, anonymt eller med samtykke.",
        "body": "Her møter barnehagen eller skulen helsesjukepleiaren, PPT og barnevernstenesta. Saka blir drøfta utan namn, eller med namn når dei føresette har samtykt.",
        "mandate": "Gi råd tidleg, før ei undring blir til stor uro.",
    },
    "tverrfaglig-team-skole": {
        "title": "Tverrfagleg team på skulane",
        "summary": "Det faste møtet skulen har med helsesjukepleiaren, PPT og barnevernet om elevar det er uro kring.",
        "body": "Teamet møtest på kvar skule. Rektor kallar inn. Elevar blir drøfta med samtykke, eller anonymt viss dei føresette ikkje er spurde enno.",
        "mandate": "Finne dei rette tiltaka for elevar som treng meir enn skulen åleine kan gi.",
    },
    "bti-nettverk": {
        "title": "BTI-nettverket",
        "summary": "BTI-kontaktane frå alle tenestene møtest for å dele erfaringar og lære av kvarandre.",
        "body": "Nettverket er eit fagforum, ikkje ein stad for å drøfte enkeltsaker. Koordinatoren leier.",
        "mandate": "Styrkje BTI-kontaktane som ressurspersonar i eiga teneste.",
    },
    "ledermote-oppvekst-og-helse": {
        "title": "Leiarmøte for oppvekst og helse",
        "summary": "Leiarane for tenestene til barn og unge samordnar samarbeidet og følgjer opp avvik.",
        "body": "Møtet tek opp felles utfordringar, til dømes ventetider, og syter for at tenestene ikkje arbeider kvar for seg.",
        "mandate": "Samordne tenestene og rydde hinder for samarbeid av vegen.",
    },
    "rutine-lokal-administrator": {
        "title": "Rutine for lokal administrator av stafettloggar",
        "summary": "Kven i tenesta som kan byte stafetthaldar når ein tilsett sluttar eller er borte.",
        "body": "Kvar teneste har ein lokal administrator. Administratoren ser sakslista, men ikkje innhaldet i sakene, og syter for at ingen logg står utan stafetthaldar.",
    },
    "rutine-for-samarbeid-barnehage-skole": {
        "title": "Overgang frå barnehage til skule",
        "summary": "Korleis barnehagen og skulen samarbeider når eit barn med stafettlogg byrjar på skulen.",
        "body": "Med samtykke frå dei føresette blir stafetten overført frå barnehagen til kontaktlæraren. Overføringsmøtet blir halde før sommaren.",
    },
    "rutine-for-bekymringsmelding": {
        "title": "Rutine for melding til barnevernstenesta",
        "summary": "Korleis tenestene sender bekymringsmelding, og kven som får vite kva.",
        "body": "Meldinga blir send av den som er uroa, gjerne saman med leiaren. Barnevernstenesta stadfestar at ho har fått meldinga.",
    },
    "tiltaksoversikten": {
        "title": "Tiltaksoversikta",
        "summary": "Samla oversikt over tilbod og tiltak for barn, unge og familiar i kommunen.",
        "body": "Tenestene held sjølve oversikta oppdatert, og ho kan søkjast i etter alder og tema.",
    },
    "samarbeidsavtale-helsestasjon-barnehage": {
        "title": "Samarbeidsavtale mellom helsestasjonen og barnehagane",
        "summary": "Avtale om faste møte og felles rutinar for barn 0–6 år.",
        "body": "Helsesjukepleiaren besøkjer kvar barnehage to gonger i året og er tilgjengeleg for drøfting.",
    },
    "internkontroll-bts": {
        "title": "Internkontroll i tenestene",
        "summary": "Kvar teneste dokumenterer korleis ho følgjer opp BTS og BTI.",
        "body": "Leiaren har skrivne rutinar for opplæring, for lokal administrator og for korleis tenesta evaluerer sine eigne tiltak.",
    },
    "evaluering-av-samhandlingsarenaer": {
        "title": "Evaluering av samhandlingsarenaene",
        "summary": "Kvart år vurderer deltakarane om møta fungerer som dei skal.",
        "body": "Ei kort spørjeundersøking går til alle som er med i førebyggjande forum og tverrfaglege team. Resultata blir tekne med i årsrapporten.",
    },
    "fau-og-su": {
        "title": "Stemma til foreldra: FAU og samarbeidsutval",
        "summary": "Foreldreutvala i skulane og samarbeidsutvala i barnehagane får informasjon om BTI.",
        "body": "Barnehagen orienterer SU, og skulen orienterer FAU, minst éin gong i året om korleis BTI blir brukt, og kva foreldre kan vente seg.",
    },
    "brukerundersokelser": {
        "title": "Brukarundersøkingar i tenestene",
        "summary": "Tenestene spør barn, unge og foreldre om korleis dei opplever hjelpa.",
        "body": "Resultata blir brukte i den eigne evalueringa til tenestene og i årsrapporten.",
    },
    "kompetanseplan-bti": {
        "title": "Kompetanseplan for BTI",
        "summary": "Alle nytilsette får opplæring i BTI, og alle tilsette får ei årleg oppfrisking.",
        "body": "Opplæringa skjer i eiga teneste med ein felles opplæringsvideo og arbeid med døme. Leiarar får eiga opplæring i stafettloggen.",
    },
    "handlingsveilederen": {
        "title": "Handlingsrettleiaren (BTI)",
        "summary": "Vegen frå undring til handling, trinn for trinn, på nivå 0 til 3.",
        "body": "Rettleiaren fortel kva du gjer, kven som har ansvaret og kva som skal dokumenterast, frå den første undringa til tverrfagleg samarbeid.",
    },
    "stafettloggen": {
        "title": "Stafettloggen",
        "summary": "Den digitale loggen for samarbeidet rundt eitt barn, når dei føresette har samtykt.",
        "body": "Loggen viser mål, tiltak, kven som har ansvaret og når tiltaka skal evaluerast. Berre dei som er med i saka, kan lese han, og alt som blir lese, blir logga.",
    },
    "samtalen-med-barnet": {
        "title": "Samtalen med barnet",
        "summary": "Råd og øvingar for å snakke med barn om det som er vanskeleg.",
        "body": "Bruk opne spørsmål, lytt meir enn du snakkar, og fortel barnet kva som skal skje vidare.",
    },
    "den-nodvendige-samtalen": {
        "title": "Den nødvendige samtalen med foreldre",
        "summary": "Slik førebur du ein samtale med foreldre om ei undring eller uro.",
        "body": "Beskriv det du har sett, utan å tolke. Spør korleis foreldra opplever det, og bli samde om vegen vidare. Ved mistanke om vald eller overgrep skal samtalen ikkje haldast.",
    },
    "tegn-og-signaler": {
        "title": "Teikn og signal",
        "summary": "Kva du kan leggje merke til hos barn og unge i ulike aldrar.",
        "body": "Lista er til hjelp når du er usikker. Eitt teikn åleine tyder sjeldan noko; det er mønsteret og endringa over tid som tel.",
    },
    "samtykkeskjema": {
        "title": "Samtykkeskjema",
        "summary": "Skjema for samtykket frå dei føresette til samarbeid mellom namngitte tenester.",
        "body": "Samtykke blir gitt til tenester, ikkje til personar, og kan trekkjast tilbake når som helst.",
    },
    "rutine-ved-undring": {
        "title": "Rutine når du undrar deg over eit barn",
        "summary": "Kva du gjer dei første dagane: beskriv, drøft, snakk med familien, bestem.",
        "body": "Skriv ned det du ser. Drøft med leiaren eller ein kollega. Ha den nødvendige samtalen. Innan 14 dagar bestemmer du om saka blir avslutta eller går vidare til nivå 1.",
    },
    "rutine-ved-mistanke-om-vold": {
        "title": "Ved mistanke om vald eller overgrep",
        "summary": "Ta kontakt med barnevernstenesta eller politiet straks, utan å snakke med foreldra først.",
        "body": "Drøft gjerne med leiaren, men ikkje vent. Barnevernstenesta og politiet kan også gi råd anonymt.",
    },
    "rutine-for-stafettoverforing": {
        "title": "Overføring av stafetten",
        "summary": "Når ei anna teneste skal ha hovudansvaret, blir stafetten overført i eit møte.",
        "body": "Den som gir frå seg stafetten, har ansvaret til den nye stafetthaldaren har takka ja. Slik står barnet aldri utan nokon som har ansvaret.",
    },
    "ansvarsgruppe": {
        "title": "Ansvarsgruppe",
        "summary": "Gruppa rundt eit barn med samansette behov, med dei føresette og barnet sjølv.",
        "body": "Ansvarsgruppa blir brukt på nivå 3. Koordinatoren kallar inn, og stafettloggen er staden for planen, referata og evalueringane.",
        "mandate": "Samordne hjelpa til eitt barn over tid, saman med familien.",
    },
    "samarbeidsmote": {
        "title": "Samarbeidsmøte på nivå 2",
        "summary": "Møte mellom dei føresette og tenestene som samarbeider om eit barn.",
        "body": "Møtet blir halde innan to veker etter at ei ny teneste er kopla inn. Stafetthaldaren leier og skriv referat i loggen.",
        "mandate": "Lage ein felles plan og fordele ansvaret.",
    },
    "dokumentasjon-i-stafettloggen": {
        "title": "Kva som blir skrive i stafettloggen",
        "summary": "Stafettloggen erstattar møtereferat, men ikkje journalane til kvar teneste.",
        "body": "Skriv kort og sakleg: mål, tiltak, ansvar, fristar og evalueringar. Synspunkta til barnet og foreldra blir skrivne inn med deira eigne ord.",
    },
    "evaluering-av-tiltak": {
        "title": "Evaluering av tiltak",
        "summary": "Kvart tiltak får ein evalueringsdato. Då vurderer de saman om det verka.",
        "body": "Evalueringa endar i eit val: avslutte, halde fram eller gå til eit anna nivå.",
    },
    "barnets-stemme": {
        "title": "Stemma til barnet",
        "summary": "Barn har rett til å seie meininga si i alt som gjeld dei, og meininga skal leggjast vekt på.",
        "body": "Spør barnet kva det tenkjer, på ein måte som passar alderen. Skriv synspunkta til barnet inn i loggen med dei orda barnet sjølv bruker.",
    },
    "foreldresamarbeid": {
        "title": "Foreldra som samarbeidspartnarar",
        "summary": "Foreldre kjenner barnet best. Dei er med på å bestemme tiltak og evaluere dei.",
        "body": "Foreldre får alltid vite kva som er skrive, og kan be om innsyn i alt som er lagra om barnet, også kven som har lese det.",
    },
}

# The elements' short texts (who is responsible, who convenes, how often), keyed by the
# bokmål text: several elements share one.
SHORT_TEXTS = {
    "BTS-koordinator": "BTS-koordinator",
    "Alle ansatte": "Alle tilsette",
    "Stafettholder": "Stafetthaldar",
    "Leder i hver tjeneste": "Leiar i kvar teneste",
    "Kommunalsjef oppvekst": "Kommunalsjef oppvekst",
    "Kommunalsjef oppvekst (leder)": "Kommunalsjef oppvekst (leiar)",
    "Kommunedirektøren": "Kommunedirektøren",
    "Folkehelsekoordinator": "Folkehelsekoordinator",
    "Ungdomskoordinator": "Ungdomskoordinator",
    "Ungdomskoordinator i kultur og fritid": "Ungdomskoordinator i kultur og fritid",
    "Leder for Familiens hus": "Leiar for Familiens hus",
    "Familiens hus": "Familiens hus",
    "Rektor": "Rektor",
    "Rektor og styrer": "Rektor og styrar",
    "Styrer og rektor": "Styrar og rektor",
    "Leder for barneverntjenesten": "Leiar for barnevernstenesta",
    "Leder for helsestasjonen": "Leiar for helsestasjonen",
    "Koordinator": "Koordinator",
    "Koordinator (stafettholder)": "Koordinator (stafetthaldar)",
    "Fire ganger i året": "Fire gonger i året",
    "Annenhver måned": "Kvar andre månad",
    "Månedlig": "Månadleg",
    "Annenhver uke i skoleåret": "Kvar andre veke i skuleåret",
    "To ganger i halvåret": "To gonger i halvåret",
    "Etter behov, minst to ganger i halvåret": "Etter behov, minst to gonger i halvåret",
    "Etter behov": "Etter behov",
}
