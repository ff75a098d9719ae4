# Les mots de Dossier écrits par Rust : notifications, événements d’agenda, manifestes de dossier
# et noms de fichiers proposés. Mêmes identifiants et variables que en.ftl.

## Citation d’un nom dans une phrase.
quoted = « { $name } »

## Dates et heures.
moment = { $day } à { $time }
moment-zones-differ = { $here } (heure de { $place } ; { $yours } là où vous êtes)
moment-zones-same = { $here } (heure de { $place }, la même que là où vous êtes)
# Une heure au format 12 heures, quand la personne l’a choisi : « 5:59 PM ».
clock-12h = { $time } { $half ->
    [am] AM
   *[pm] PM
}

## Temps restant.
when-minutes = dans { $count } { PLURAL($count) ->
    [one] minute
   *[other] minutes
}
when-hours = dans { $count } { PLURAL($count) ->
    [one] heure
   *[other] heures
}
when-today = aujourd’hui
when-today-at = aujourd’hui à { $time }, heure de { $place }
when-tomorrow = demain
when-tomorrow-at = demain à { $time }, heure de { $place }
when-days = dans { $count } jours

## Modalités d’entretien.
interview-mode = { $mode ->
    [in-person] en présentiel
   *[video-conference] par visioconférence
}

## Notifications.
notification-open = Ouvrir dans Dossier
deadline-soon-title = Date limite de candidature { $when } : { $name }
deadline-soon-body = Les candidatures pour { $quoted } seront closes le { $moment }.
deadline-passed-title = Date limite de candidature dépassée : { $name }
deadline-passed-body = Les candidatures pour { $quoted } ont été closes le { $moment }.
silence-title = 6 mois sans réponse : { $name }
silence-body-marked = Vous avez soumis votre candidature pour { $quoted } le { $submitted }. INTERPOL considère une absence de réponse dans un délai de 6 mois comme un refus. La candidature est désormais marquée « Sans réponse ».
silence-body-open = Vous avez soumis votre candidature pour { $quoted } le { $submitted }. INTERPOL considère une absence de réponse dans un délai de 6 mois comme un refus. Marquez-la « Sans réponse » dans Dossier, ou continuez d’attendre si vous avez eu des nouvelles d’INTERPOL.
certificate-named = « { $name } »
certificate-named-from = « { $name } » ({ $country })
certificate-rule = INTERPOL demande un extrait de casier judiciaire délivré au cours des { $months } derniers mois.
certificate-soon-title = Extrait de casier judiciaire périmé { $when } : { $name }
certificate-soon-body = { $certificate }, délivré le { $issued }, reste valable jusqu’au { $last }. { $rule } Demandez-en un nouveau à temps.
certificate-stale-title = Extrait de casier judiciaire désormais périmé : { $name }
certificate-stale-body = { $certificate }, délivré le { $issued }, était valable jusqu’au { $last }. { $rule } Demandez-en un nouveau.
roster-soon-title = Inscription sur la liste de réserve expirant { $when } : { $name }
roster-soon-body = Votre inscription sur la liste de réserve pour { $quoted } (depuis le { $since }) est valable 3 ans : elle expire le { $day }.
roster-expired-title = Inscription sur la liste de réserve expirée : { $name }
roster-expired-body = Votre inscription sur la liste de réserve pour { $quoted } (depuis le { $since }) a expiré le { $day }, au bout de 3 ans.
interview-soon-title = Entretien { $when } : { $name }
interview-soon-body = Entretien { $mode } pour { $quoted }, le { $moment }.
interview-started-title = Entretien commencé : { $name }
interview-started-body = L’entretien { $mode } pour { $quoted } a eu lieu le { $moment }.
interview-place = Lieu : { $place }
summary-title = { PLURAL($count) ->
    [one] { $count } rappel de Dossier
   *[other] { $count } rappels de Dossier
}
summary-line = • { $title } ({ $when })
summary-your-time = { $moment }, votre heure

## Événements d’agenda (.ics).
ics-deadline-title = Date limite de candidature : { $name }
ics-deadline-detail = Les candidatures seront closes le { $moment } (fuseau horaire { $zone }).
ics-silence-title = 6 mois depuis la candidature : { $name }
ics-silence-detail = Candidature soumise le { $submitted } ; les 6 mois seront écoulés le { $day }. Sans réponse d’ici là, INTERPOL considère la candidature comme non retenue.
ics-certificate-title = Extrait de casier judiciaire périmé : { $name }
ics-certificate-detail = Délivré le { $issued } ; à partir du { $day }, il date de plus de { $months } mois.
ics-certificate-detail-in = Délivré le { $issued } ({ $country }) ; à partir du { $day }, il date de plus de { $months } mois.
ics-roster-title = Fin de l’inscription sur la liste de réserve : { $name }
ics-roster-detail = Inscription sur la liste de réserve le { $rostered } ; elle est valable 3 ans, jusqu’au { $day }.
ics-interview-title = Entretien : { $name }
ics-interview-detail = Entretien { $mode }, le { $moment } (fuseau horaire { $zone }).
ics-category = { $kind ->
    [silence] Sans réponse
    [certificate] Extrait de casier judiciaire
    [roster] Liste de réserve
    [interview] Entretien
   *[deadline] Date limite de candidature
}

## Dossiers de pièces : noms de fichiers proposés.
file-part = { $part ->
    [cv] CV
    [cover-letter] Lettre de motivation
    [diploma] Diplôme
    [proof-of-employment] Attestation d’emploi
    [criminal-record] Extrait de casier judiciaire
    [references] Références
    [notice] Avis de vacance
    [application-copy] Copie de la candidature
    [sent] Envoyé
   *[document] Pièce
}
pack-title = Dossier de pièces : { $title } ({ $reference })
pack-fallback-name = Dossier de pièces INTERPOL
export-name = Export Dossier { $date }
references-heading = Références professionnelles
references-name = Nom : { $name }
references-contact = Coordonnées : { $contact }
references-relation = Relation : { $relation }

## L’archive Talentlink.
archive-title = Candidature Talentlink : { $title } ({ $reference })
archive-name = Archive Talentlink { $reference }
archive-fallback-name = Archive Talentlink
archive-copy-label = Copie enregistrée de la candidature Talentlink
archive-copy-missing = Aucune copie enregistrée pour cette candidature. Téléchargez-la depuis Talentlink tant que c’est possible, importez-la comme copie d’une candidature Talentlink et joignez-la.
archive-sent-label = Envoyé : { $kind }
archive-notice-label = Texte de l’avis de vacance
archive-notice-missing = Aucun texte d’avis de vacance n’est enregistré pour ce poste.
archive-complete = Tout ce que Dossier conserve pour cette candidature Talentlink.
archive-incomplete = Tout ce que Dossier conserve pour cette candidature Talentlink ; certains éléments manquent.

## La page du manifeste.
manifest-included = Inclus
manifest-missing = Manquant
manifest-stale = Périmé, non inclus
manifest-other-files = Autres fichiers
manifest-column-number = N°
manifest-column-item = Pièce
manifest-column-status = État
manifest-column-file = Fichier
manifest-column-bytes = Octets
manifest-complete = Complet : toutes les pièces sont incluses.
manifest-incomplete = Incomplet : ces pièces ne figurent pas dans ce dossier.
manifest-candidate = Personne candidate : { $name }.
manifest-for = Pour { $title } ({ $reference }). Vérifié le { $checked } ; rédigé le { $created }.
manifest-check = Vérifiez un fichier avec { $linux } (Linux), { $mac } (macOS) ou { $windows } (Windows) ; la même liste figure dans le manifeste JSON. Rédigé par Dossier ({ $format }).

## Boîtes de dialogue de fichiers : nom du filtre de type de fichier.
dialog-filter = { $kind ->
    [zip] Archive zip
    [folder] Dossier
    [calendar] Agenda (iCalendar)
    [export] Export Dossier
    [notices] Avis de vacance
   *[scans] PDF et images numérisées
}

## Types de pièces, dans un nom de fichier ou une ligne du manifeste.
document-kind = { $kind ->
    [cv] CV
    [diploma] diplôme, grade ou certificat d’études
    [proof_of_employment] attestation d’emploi
    [criminal_record] extrait de casier judiciaire
    [reference_letter] lettre de recommandation
    [language_certificate] certificat de langue
    [identity] passeport ou carte d’identité
    [cover_letter] lettre de motivation
    [talentlink_application] copie d’une candidature Talentlink
   *[other] autre pièce
}

## Menu de l’icône de la zone de notification.
tray-item = { $item ->
    [open] Ouvrir Dossier
    [quit] Quitter Dossier
   *[nothing] Aucun rappel en attente
}
tray-next = Prochain rappel le { $when } : { $title }

## Rappels affichés pendant que Dossier est verrouillé : leur genre et leur échéance, jamais leur objet.
locked-when = { $days ->
    [0] aujourd’hui
    [1] demain
   *[other] dans { $days } jours
}
locked-reminder-title = { $kind ->
    [deadline] Une date limite de candidature arrive { $when }
    [interview] Un entretien a lieu { $when }
    [silence] Une candidature atteint 6 mois sans réponse { $when }
    [certificate] Un certificat n’est plus à jour { $when }
   *[roster] Une inscription sur une liste de réserve prend fin { $when }
}
locked-reminder-body = Déverrouillez Dossier pour le voir.
locked-summary-title = { $count } rappels sont arrivés
locked-summary-body = Déverrouillez Dossier pour les voir.

## Two sentences one after the other, and a list of names.
two-sentences = { $first } { $second }
list-pair = { $first }, { $rest }

## The pack's checklist, shown in the window and in the manifest.
checklist-label = { $line ->
    [cv] CV
    [cover_letter] Lettre de motivation
    [profile] Diplômes, grades et certificats d’études
    [origin] Extrait de casier judiciaire : pays d’origine
   *[references] Deux références professionnelles
}
checklist-level = { $level ->
    [secondary] Diplôme de fin d’études secondaires
    [post_secondary] Diplôme d’études postsecondaires
    [bachelor] Licence (bachelor)
    [master] Master
   *[doctorate] Doctorat
}
checklist-level-in = { $level } en { $field }
checklist-diploma = Diplôme : { $what }
checklist-employment = Attestation d’emploi : { $what }
checklist-certificate = Extrait de casier judiciaire : { $country }
checklist-no-document = Le coffre-fort ne contient encore aucun document de ce type ({ $kind }). Importez-le dans Documents.
checklist-expired = { $title } a expiré le { $day }. Importez le document renouvelé comme nouvelle version de celui-ci.
checklist-present = { $title }.
checklist-not-proven = Aucun document du coffre-fort n’indique qu’il justifie cette ligne. Importez le document ({ $kind }) puis, dans ses détails, choisissez cette ligne de votre profil sous « Justifie ».
checklist-internship = Les stages demandent une lettre de motivation.
checklist-no-profile = Aucun profil n’est encore enregistré : Dossier ne peut donc pas savoir quels diplômes et quels postes justifier. Remplissez votre profil.
checklist-official-proof = Seule l’expérience attestée par un justificatif officiel (bulletin de salaire, contrat ou lettre de recommandation) est prise en compte.
checklist-no-origin = Un extrait de casier judiciaire de votre pays d’origine est toujours demandé, et votre profil n’indique pas quel est ce pays. Ajoutez-le à votre profil.
checklist-notice-asks = L’avis de vacance demande ce document ({ $kind }).
checklist-meeting-rules = Conformes aux règles : { $names }.
checklist-ready = { PLURAL($count) ->
    [one] Tout ce qu’INTERPOL demande à un candidat retenu est prêt : { $count } pièce.
   *[other] Tout ce qu’INTERPOL demande à un candidat retenu est prêt : { $count } pièces.
}
checklist-not-ready = { PLURAL($satisfied) ->
    [one] { $satisfied } pièce prête sur { $total } ; { $problems }.
   *[other] { $satisfied } pièces prêtes sur { $total } ; { $problems }.
}
checklist-missing = { PLURAL($count) ->
    [one] { $count } manquante
   *[other] { $count } manquantes
}
checklist-stale = { PLURAL($count) ->
    [one] { $count } périmée
   *[other] { $count } périmées
}

## Criminal record certificates: why a country is asked for, and what the vault holds.
crc-days = { PLURAL($count) ->
    [one] { $count } jour
   *[other] { $count } jours
}
crc-stays = { PLURAL($count) ->
    [one] { $count } séjour
   *[other] { $count } séjours
}
crc-origin-always = Pays d’origine : un extrait de casier judiciaire en est toujours demandé.
crc-origin-lived = Pays d’origine, où vous avez aussi vécu { $days } au cours des cinq années du { $from } au { $to }, soit plus d’un an.
crc-origin-lived-stays = Pays d’origine, où vous avez aussi vécu { $days } en { $stays } au cours des cinq années du { $from } au { $to }, soit plus d’un an.
crc-lived = Vous y avez vécu { $days } au cours des cinq années du { $from } au { $to }, soit plus d’un an.
crc-lived-stays = Vous y avez vécu { $days } en { $stays } au cours des cinq années du { $from } au { $to }, soit plus d’un an.
crc-missing = Le coffre-fort ne contient aucun extrait de casier judiciaire délivré par ce pays : { $country }.
crc-incomplete = { PLURAL($count) ->
    [one] Il manque à { $titles } le pays de délivrance ou la date de délivrance ; complétez-les pour qu’il puisse compter.
   *[other] Il manque à { $titles } le pays de délivrance ou la date de délivrance ; complétez-les pour qu’ils puissent compter.
}
crc-left = { $count ->
    [0] c’est aujourd’hui son dernier jour de validité
   *[other] { PLURAL($count) ->
        [one] encore { $count } jour
       *[other] encore { $count } jours
    }
}
crc-covered = Couvert par { $title }, délivré le { $issued }, valable jusqu’au { $until } : { $left }.
crc-stale = Le plus récent extrait délivré par ce pays ({ $country }), { $title }, date du { $issued } et comptait jusqu’au { $until } ; INTERPOL demande un extrait délivré au cours des { $months } derniers mois. Demandez-en un nouveau.

## Professional references against INTERPOL's rules.
references-meet = { PLURAL($passing) ->
    [one] { $passing } référence répond aux règles d’INTERPOL ; il en faut { $needed }.
   *[other] { $passing } références répondent aux règles d’INTERPOL ; il en faut { $needed }.
}
references-could-count = { PLURAL($count) ->
    [one] { $count } autre pourrait compter une fois les informations manquantes renseignées.
   *[other] { $count } autres pourraient compter une fois les informations manquantes renseignées.
}
references-add = Ajoutez une référence professionnelle extérieure à INTERPOL ayant travaillé directement avec vous.
reference-rule = { $rule ->
    [no_contact] Le nom ou les coordonnées manquent ; INTERPOL demande les deux.
    [contact] Le nom et les coordonnées sont renseignés.
    [staff] Travaille à INTERPOL ; les références doivent être extérieures à INTERPOL.
    [outside] Extérieure à INTERPOL.
    [staff_unknown] Non renseigné : travaille-t-elle à INTERPOL ?
    [indirect] N’a pas travaillé directement avec vous ; INTERPOL demande des personnes qui l’ont fait.
    [direct] A travaillé directement avec vous.
    [direct_unknown] Non renseigné : a-t-elle travaillé directement avec vous ?
    [family] Membre de votre famille ; les références ne peuvent pas être des proches parents.
    [not_family] Pas membre de votre famille.
   *[family_unknown] Non renseigné : est-elle membre de votre famille ?
}
reference-advice = { $advice ->
    [not_hierarchical] Pas de lien hiérarchique avec vous : acceptée, mais INTERPOL préfère un ou une responsable, ou une personne que vous avez encadrée.
   *[hierarchy_unknown] INTERPOL préfère une référence avec laquelle vous avez eu un lien hiérarchique (responsable, ou personne que vous avez encadrée) ; indiquez si c’est le cas.
}
