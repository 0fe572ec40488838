<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>About</name>
    <message>
        <source>The full licence texts are in {folder}.</source>
        <translation>Le texte complet des licences se trouve dans {folder}.</translation>
    </message>
    <message>
        <source>The UN-CMCoord officer&apos;s field kit: handbook, contacts, assets, requests for assistance and lessons, on this laptop, with or without a connection.</source>
        <translation>La trousse de terrain de l&apos;officier UN-CMCoord&#xa0;: manuel, contacts, moyens, demandes d&apos;assistance et enseignements, sur cet ordinateur, avec ou sans connexion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your data folder:&lt;/b&gt; {folder}</source>
        <translation>&lt;b&gt;Votre dossier de données&#xa0;:&lt;/b&gt; {folder}</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>Polices fournies</translation>
    </message>
    <message>
        <source>Bundled libraries</source>
        <translation>Bibliothèques fournies</translation>
    </message>
    <message>
        <source>Main libraries</source>
        <translation>Principales bibliothèques</translation>
    </message>
    <message>
        <source>see its package</source>
        <translation>voir son paquet</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open your data</source>
        <translation>Impossible d&apos;ouvrir vos données</translation>
    </message>
    <message>
        <source>Database file: {0}
Nothing was changed.</source>
        <translation>Fichier de base de données&#xa0;: {0}
Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect your data.</source>
        <translation>Choisissez une phrase secrète pour protéger vos données.</translation>
    </message>
    <message>
        <source>Encrypting your data…</source>
        <translation>Chiffrement de vos données…</translation>
    </message>
    <message>
        <source>Encryption cancelled</source>
        <translation>Chiffrement annulé</translation>
    </message>
    <message>
        <source>Your data was not changed, and it is not encrypted yet. Field Kit will ask again when it next starts.</source>
        <translation>Vos données n&apos;ont pas été modifiées et ne sont pas encore chiffrées. Field Kit le proposera de nouveau au prochain démarrage.</translation>
    </message>
    <message>
        <source>Keep your recovery key.</source>
        <translation>Conservez votre clé de récupération.</translation>
    </message>
    <message>
        <source>Your data is encrypted: type your passphrase to open it.</source>
        <translation>Vos données sont chiffrées : saisissez votre phrase secrète pour les ouvrir.</translation>
    </message>
    <message>
        <source>Welcome: enter your name and organisation to begin.</source>
        <translation>Bienvenue&#xa0;: saisissez votre nom et votre organisation pour commencer.</translation>
    </message>
</context>
<context>
    <name>AssetDetailPanel</name>
    <message>
        <source>Choose an entry in the list.</source>
        <translation>Choisissez une entrée dans la liste.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then press “Confirmed still true”.</source>
        <translation>Non confirmé depuis 90 jours&#xa0;: vérifiez auprès du fournisseur que cette entrée est toujours exacte, puis appuyez sur «&#xa0;Toujours exact&#xa0;».</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité&#xa0;:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponible&#xa0;:</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>à tout moment</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Last confirmed:</source>
        <translation>Dernière confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Point de contact&#xa0;:</translation>
    </message>
    <message>
        <source>Tasked by:</source>
        <translation>Attribué par&#xa0;:</translation>
    </message>
    <message>
        <source>Requested in:</source>
        <translation>Demandé dans&#xa0;:</translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation>Base de coût&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Edit asset</source>
        <translation>Modifier le moyen</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>Nouveau moyen</translation>
    </message>
    <message>
        <source>e.g. 4.5</source>
        <translation>ex. 4,5</translation>
    </message>
    <message>
        <source>e.g. t, beds, m³/day</source>
        <translation>ex. t, lits, m³/jour</translation>
    </message>
    <message>
        <source>Why the status changes (kept in the history)</source>
        <translation>Motif du changement de statut (conservé dans l&apos;historique)</translation>
    </message>
    <message>
        <source>e.g. -19.83</source>
        <translation>ex. -19.83</translation>
    </message>
    <message>
        <source>e.g. 34.84</source>
        <translation>ex. 34.84</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Global entry (not only this operation)</source>
        <translation>Entrée globale (pas seulement cette opération)</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description&#xa0;:</translation>
    </message>
    <message>
        <source>Providing state:</source>
        <translation>État fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unité&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity unit:</source>
        <translation>Unité de capacité&#xa0;:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantité&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Status comment:</source>
        <translation>Commentaire de statut&#xa0;:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>Latitude&#xa0;:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Longitude&#xa0;:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponible&#xa0;:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Point de contact&#xa0;:</translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation>Base de coût&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Type a number, e.g. 4.5.</source>
        <translation>Saisissez un nombre, ex. 4,5.</translation>
    </message>
    <message>
        <source>Pick the contact from the list that appears as you type, or clear the field.</source>
        <translation>Choisissez le contact dans la liste qui s&apos;affiche pendant la saisie, ou videz le champ.</translation>
    </message>
</context>
<context>
    <name>AssetsScreen</name>
    <message>
        <source>Filter by description, unit or place</source>
        <translation>Filtrer par description, unité ou lieu</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes catégories</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Providing state</source>
        <translation>État fournisseur</translation>
    </message>
    <message>
        <source>Available on</source>
        <translation>Disponible le</translation>
    </message>
    <message>
        <source>Only entries to check</source>
        <translation>À vérifier seulement</translation>
    </message>
    <message>
        <source>Assets not confirmed for 90 days, and register entries whose valid-until date has passed</source>
        <translation>Moyens non confirmés depuis 90 jours, et entrées du registre dont la date de validité est dépassée</translation>
    </message>
    <message>
        <source>Which entries the list shows: the operation&apos;s assets, the Central Register&apos;s (kept at HQ), or both; retired register entries only when asked</source>
        <translation>Les entrées que montre la liste&#xa0;: les moyens de l&apos;opération, ceux du Registre central (tenu par le siège), ou les deux&#xa0;; les entrées retirées du registre seulement sur demande</translation>
    </message>
    <message>
        <source>Show: all</source>
        <translation>Afficher&#xa0;: tout</translation>
    </message>
    <message>
        <source>Show: operation&apos;s assets</source>
        <translation>Afficher&#xa0;: moyens de l&apos;opération</translation>
    </message>
    <message>
        <source>Show: Central Register</source>
        <translation>Afficher&#xa0;: Registre central</translation>
    </message>
    <message>
        <source>Show: Central Register, retired too</source>
        <translation>Afficher&#xa0;: Registre avec retirées</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>Nouveau moyen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Changer le statut…</translation>
    </message>
    <message>
        <source>Confirmed still true</source>
        <translation>Toujours exact</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Propose a correction…</source>
        <translation>Proposer une correction…</translation>
    </message>
    <message>
        <source>The Central Register is kept at HQ: propose a correction of the chosen entry</source>
        <translation>Le Registre central est tenu par le siège&#xa0;: proposez une correction de l&apos;entrée choisie</translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation>CSV avec ligne HXL…</translation>
    </message>
    <message>
        <source>GeoJSON (map)…</source>
        <translation>GeoJSON (carte)…</translation>
    </message>
    <message>
        <source>Asset list (PDF)…</source>
        <translation>Liste des moyens (PDF)…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as confirmed today.</source>
        <translation>Marqué comme confirmé aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Delete asset</source>
        <translation>Supprimer le moyen</translation>
    </message>
    <message>
        <source>Delete “{name}” from the directory?</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;» du répertoire&#xa0;?</translation>
    </message>
    <message>
        <source>Proposal saved: it goes to HQ with the next sync.</source>
        <translation>Proposition enregistrée&#xa0;: elle partira au siège à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Proposal withdrawn.</source>
        <translation>Proposition retirée.</translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation>Importer des moyens</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation>ligne {n} de ce fichier</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Update all</source>
        <translation>Tout mettre à jour</translation>
    </message>
    <message>
        <source>Tick the rows to update; the others are skipped.</source>
        <translation>Cochez les lignes à mettre à jour&#xa0;; les autres sont ignorées.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {skipped} skipped.</source>
        <translation>Importation&#xa0;: {added} ajoutés, {updated} mis à jour, {skipped} ignorés.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>({n} entries without coordinates left out)</source>
        <translation>({n} entrées sans coordonnées omises)</translation>
    </message>
    <message>
        <source>Export assets</source>
        <translation>Exporter les moyens</translation>
    </message>
</context>
<context>
    <name>AssetsTable</name>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Point of contact</source>
        <translation>Point de contact</translation>
    </message>
</context>
<context>
    <name>AssetsTableModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then mark it confirmed.</source>
        <translation>Non confirmé depuis 90 jours&#xa0;: vérifiez auprès du fournisseur que cette entrée est toujours exacte, puis marquez-la comme confirmée.</translation>
    </message>
</context>
<context>
    <name>ChoosePassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choisir une phrase secrète</translation>
    </message>
    <message>
        <source>Field Kit runs from this folder or USB stick and keeps your data beside it, encrypted. A computer&apos;s keyring cannot follow the stick, so a passphrase of yours protects the data: you will type it each time Field Kit starts.</source>
        <translation>Field Kit fonctionne depuis ce dossier ou cette clé USB et conserve vos données à côté, chiffrées. Le trousseau d&apos;un ordinateur ne peut pas suivre la clé&#xa0;: c&apos;est donc une phrase secrète de votre choix qui protège les données, et vous la saisirez à chaque démarrage de Field Kit.</translation>
    </message>
    <message>
        <source>Field Kit encrypts your data on this laptop. This computer has no keyring to keep the key, so a passphrase of yours protects it: you will type it each time Field Kit starts.</source>
        <translation>Field Kit chiffre vos données sur cet ordinateur. Cet ordinateur n&apos;a pas de trousseau pour garder la clé : une phrase secrète de votre choix la protège, et vous la saisirez à chaque démarrage de Field Kit.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Confirmez la phrase secrète :</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Définir la phrase secrète</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type it again.</source>
        <translation>Les deux phrases secrètes diffèrent ; saisissez-la de nouveau.</translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <source>Choose a contact in the list.</source>
        <translation>Choisissez un contact dans la liste.</translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation>Cliquer pour copier</translation>
    </message>
    <message>
        <source>Global contact</source>
        <translation>Contact global</translation>
    </message>
    <message>
        <source>unchecked number</source>
        <translation>numéro non vérifié</translation>
    </message>
    <message>
        <source>This number could not be checked; it is kept as typed. Click to copy.</source>
        <translation>Ce numéro n&apos;a pas pu être vérifié&#xa0;; il est conservé tel que saisi. Cliquer pour copier.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation>Indicatif d&apos;appel&#xa0;:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Localisation&#xa0;:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Langues&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <source>(asset)</source>
        <translation>(moyen)</translation>
    </message>
    <message>
        <source>Point of contact for:</source>
        <translation>Point de contact pour&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Satellite</source>
        <translation>Satellite</translation>
    </message>
    <message>
        <source>Radio / call sign</source>
        <translation>Radio / indicatif d&apos;appel</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>As the person writes it, in any script</source>
        <translation>Tel que la personne l&apos;écrit, dans n&apos;importe quelle écriture</translation>
    </message>
    <message>
        <source>Type a name or acronym; a new one is added</source>
        <translation>Saisissez un nom ou un sigle&#xa0;; s&apos;il est nouveau, il est ajouté</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>Ajouter un numéro</translation>
    </message>
    <message>
        <source>One e-mail address a line (or several separated by commas)</source>
        <translation>Une adresse e-mail par ligne (ou plusieurs séparées par des virgules)</translation>
    </message>
    <message>
        <source>Favourite (shown first on request)</source>
        <translation>Favori (affiché en premier dans les demandes)</translation>
    </message>
    <message>
        <source>Global contact (not only this operation)</source>
        <translation>Contact global (pas seulement cette opération)</translation>
    </message>
    <message>
        <source>Given name:</source>
        <translation>Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>Family name:</source>
        <translation>Nom de famille&#xa0;:</translation>
    </message>
    <message>
        <source>Name as written:</source>
        <translation>Nom tel qu&apos;écrit&#xa0;:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Téléphones&#xa0;:</translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation>E-mails&#xa0;:</translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation>Indicatif d&apos;appel&#xa0;:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Localisation&#xa0;:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Langues&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Type part of a name to find the contact</source>
        <translation>Saisissez une partie du nom pour trouver le contact</translation>
    </message>
    <message>
        <source>Type a name to find the contact</source>
        <translation>Saisissez un nom pour trouver le contact</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Filter by name, organisation, role, phone or e-mail</source>
        <translation>Filtrer par nom, organisation, fonction, téléphone ou e-mail</translation>
    </message>
    <message>
        <source>All organisation types</source>
        <translation>Tous types d&apos;organisation</translation>
    </message>
    <message>
        <source>This operation and global</source>
        <translation>Cette opération et global</translation>
    </message>
    <message>
        <source>This operation only</source>
        <translation>Cette opération seulement</translation>
    </message>
    <message>
        <source>Global only</source>
        <translation>Global seulement</translation>
    </message>
    <message>
        <source>★ Favourites only</source>
        <translation>★ Favoris seulement</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favori</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>vCard…</source>
        <translation>vCard…</translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation>CSV avec ligne HXL…</translation>
    </message>
    <message>
        <source>Contact sheet (PDF)…</source>
        <translation>Fiche de contacts (PDF)…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied {value}</source>
        <translation>Copié&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <source>Delete {name}? The contact is removed from this laptop and, at the next sync, from HQ.</source>
        <translation>Supprimer {name}&#xa0;? Le contact est retiré de cet ordinateur et, à la prochaine synchronisation, du siège.</translation>
    </message>
    <message>
        <source>{name} deleted.</source>
        <translation>{name} supprimé.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.txt);;All files (*)</source>
        <translation>Contacts (*.vcf *.vcard *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation>ligne {n} de ce fichier</translation>
    </message>
    <message>
        <source>New organisations: {names}</source>
        <translation>Nouvelles organisations&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Merge all</source>
        <translation>Tout fusionner</translation>
    </message>
    <message>
        <source>Tick the rows to merge; the others are skipped.</source>
        <translation>Cochez les lignes à fusionner&#xa0;; les autres sont ignorées.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {merged} merged, {skipped} skipped.</source>
        <translation>Importation&#xa0;: {added} ajoutés, {merged} fusionnés, {skipped} ignorés.</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export contacts (a plain file: anyone who has it can read it)</source>
        <translation>Exporter les contacts (un fichier ordinaire&#xa0;: quiconque l&apos;a peut le lire)</translation>
    </message>
    <message>
        <source>Saved {path}. It is a plain file, readable by anyone who has it: keep it safe, and delete it when it is no longer needed.</source>
        <translation>{path} enregistré. C&apos;est un fichier ordinaire, lisible par quiconque l&apos;a&#xa0;: gardez-le en lieu sûr et supprimez-le quand il n&apos;est plus utile.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Indicatif d&apos;appel</translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>A number of this contact could not be checked; it is kept as typed. Open the contact to correct it.</source>
        <translation>Un numéro de ce contact n&apos;a pas pu être vérifié&#xa0;; il est conservé tel que saisi. Ouvrez le contact pour le corriger.</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favori</translation>
    </message>
</context>
<context>
    <name>CoordinatesEdit</name>
    <message>
        <source>optional: latitude, longitude, e.g. -19.84, 34.84</source>
        <translation>facultatif&#xa0;: latitude, longitude, ex. -19.84, 34.84</translation>
    </message>
    <message>
        <source>Type latitude, then longitude, in decimal degrees, e.g. -19.84, 34.84.</source>
        <translation>Saisissez la latitude, puis la longitude, en degrés décimaux, ex. -19.84, 34.84.</translation>
    </message>
    <message>
        <source>Latitude goes from -90 to 90 and longitude from -180 to 180.</source>
        <translation>La latitude va de -90 à 90 et la longitude de -180 à 180.</translation>
    </message>
</context>
<context>
    <name>DirectoryTable</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message>
        <source>Central Register</source>
        <translation>Registre central</translation>
    </message>
    <message>
        <source>{date} · valid-until passed</source>
        <translation>{date} · validité dépassée</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>valable jusqu&apos;au {date}</translation>
    </message>
    <message>
        <source>ready in {hours} h</source>
        <translation>mobilisable sous {hours} h</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Globale</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>An entry of this laptop&apos;s directory, for every operation</source>
        <translation>Une entrée du répertoire de cet ordinateur, pour toutes les opérations</translation>
    </message>
    <message>
        <source>An asset of the operation&apos;s own directory</source>
        <translation>Un moyen du répertoire propre à l&apos;opération</translation>
    </message>
    <message>
        <source>An entry of the Central Register of MCDA, kept at HQ: read-only here; propose a correction if it is wrong.</source>
        <translation>Une entrée du Registre central des MCDA, tenu par le siège&#xa0;: en lecture seule ici&#xa0;; proposez une correction si elle est inexacte.</translation>
    </message>
    <message>
        <source>The offer&apos;s valid-until date has passed: HQ asks the provider to confirm it; check with them before relying on it.</source>
        <translation>La date de validité de l&apos;offre est dépassée&#xa0;: le siège demande au fournisseur de la confirmer&#xa0;; vérifiez auprès de lui avant de compter dessus.</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>Encrypting your data</source>
        <translation>Chiffrement de vos données</translation>
    </message>
    <message>
        <source>This version of Field Kit keeps your data encrypted. Your data from an earlier version is being encrypted now, once; this takes a moment.</source>
        <translation>Cette version de Field Kit garde vos données chiffrées. Les données d&apos;une version précédente sont chiffrées maintenant, une seule fois ; cela prend un moment.</translation>
    </message>
    <message>
        <source>Encrypting your data…</source>
        <translation>Chiffrement de vos données…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong and the action was not completed. Your data is as it was before.</source>
        <translation>Un problème est survenu et l&apos;action n&apos;a pas abouti. Vos données sont telles qu&apos;avant.</translation>
    </message>
    <message>
        <source>CMCoord Field Kit</source>
        <translation>CMCoord Field Kit</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this section</source>
        <translation>Rechercher dans cette section</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Résultat précédent (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Résultat suivant (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CMCoord Field Kit</source>
        <translation>Bienvenue dans CMCoord Field Kit</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Field Kit keeps the handbook, your operation&apos;s contacts, the asset directory, requests for assistance and lessons observed on this laptop, and works without a connection. Tell it who you are: your name and organisation go on every form you print and in every change you record.</source>
        <translation>Field Kit conserve sur cet ordinateur le manuel, les contacts de votre opération, le répertoire des moyens, les demandes d&apos;assistance et les enseignements observés, et fonctionne sans connexion. Indiquez qui vous êtes&#xa0;: votre nom et votre organisation figurent sur chaque formulaire imprimé et dans chaque modification enregistrée.</translation>
    </message>
    <message>
        <source>e.g. OCHA</source>
        <translation>ex. OCHA</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Votre nom&#xa0;:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Then start with the demo — a fictional cyclone response with contacts, assets, requests and lessons to try things on — or with an empty profile where you create your own operation.</source>
        <translation>Commencez ensuite avec la démo — une intervention fictive après un cyclone, avec contacts, moyens, demandes et enseignements pour vous exercer — ou avec un profil vide où vous créez votre propre opération.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Charger la démo</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Commencer à vide</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Loading the demo operation…</source>
        <translation>Chargement de l&apos;opération de démo…</translation>
    </message>
    <message>
        <source>Demo loading cancelled; nothing was added.</source>
        <translation>Chargement de la démo annulé&#xa0;; rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Quit CMCoord Field Kit?</source>
        <translation>Quitter CMCoord Field Kit&#xa0;?</translation>
    </message>
    <message>
        <source>Field Kit needs your name and organisation before it starts. Quit now and it will ask again next time?</source>
        <translation>Field Kit a besoin de votre nom et de votre organisation pour démarrer. Quitter maintenant&#xa0;? Ils vous seront redemandés la prochaine fois.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Back to the welcome</source>
        <translation>Retour à l&apos;accueil</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search everything  (Ctrl+K)</source>
        <translation>Rechercher partout  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>Échec de la recherche&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>User guide — CMCoord Field Kit</source>
        <translation>Guide de l&apos;utilisateur — CMCoord Field Kit</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The user guide is missing&lt;/h2&gt;&lt;p&gt;This copy of Field Kit was installed without its guide ({0}). Reinstall it, or ask HQ for the guide.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Le guide de l&apos;utilisateur est introuvable&lt;/h2&gt;&lt;p&gt;Cette copie de Field Kit a été installée sans son guide ({0}). Réinstallez-la, ou demandez le guide au siège.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HandbookOutput</name>
    <message>
        <source>Export chapter to PDF…</source>
        <translation>Exporter le chapitre en PDF…</translation>
    </message>
    <message>
        <source>Export handbook to PDF…</source>
        <translation>Exporter le manuel en PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Save this chapter or the whole handbook as a PDF</source>
        <translation>Enregistrer ce chapitre ou tout le manuel en PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print this section (Ctrl+P)</source>
        <translation>Imprimer cette section (Ctrl+P)</translation>
    </message>
    <message>
        <source>CMCoord Field Handbook</source>
        <translation>Manuel de terrain CMCoord</translation>
    </message>
    <message>
        <source>Handbook - {0}</source>
        <translation>Manuel - {0}</translation>
    </message>
    <message>
        <source>Export handbook to PDF</source>
        <translation>Exporter le manuel en PDF</translation>
    </message>
    <message>
        <source>Export chapter to PDF</source>
        <translation>Exporter le chapitre en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>Préparation du PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Laying out “{0}”…</source>
        <translation>Mise en page de «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <source>PDF saved: {0} — &lt;a href=&quot;{1}&quot;&gt;open it&lt;/a&gt;</source>
        <translation>PDF enregistré&#xa0;: {0} — &lt;a href=&quot;{1}&quot;&gt;l&apos;ouvrir&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportation annulée&#xa0;; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Print handbook section</source>
        <translation>Imprimer la section du manuel</translation>
    </message>
</context>
<context>
    <name>HandbookScreen</name>
    <message>
        <source>Opening the handbook…</source>
        <translation>Ouverture du manuel…</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Retour (Alt+Left)</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Suivant (Alt+Right)</translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation>☆ Signet</translation>
    </message>
    <message>
        <source>Bookmark this section (Ctrl+D)</source>
        <translation>Ajouter un signet à cette section (Ctrl+D)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Find in this section (Ctrl+F)</source>
        <translation>Rechercher dans cette section (Ctrl+F)</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texte plus petit (Ctrl+-)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>Texte plus grand (Ctrl+=)</translation>
    </message>
    <message>
        <source>Section no longer in the handbook</source>
        <translation>Section retirée du manuel</translation>
    </message>
    <message>
        <source>The section “{0}” is not in the current edition ({1}). Your notes on it are kept below: read them, copy what you need to another section, or delete them.</source>
        <translation>La section «&#xa0;{0}&#xa0;» ne figure pas dans l&apos;édition actuelle ({1}). Vos notes sur cette section sont conservées ci-dessous&#xa0;: lisez-les, copiez ce dont vous avez besoin dans une autre section, ou supprimez-les.</translation>
    </message>
    <message>
        <source>Field Handbook · edition {0}</source>
        <translation>Manuel de terrain · édition {0}</translation>
    </message>
    <message>
        <source>checklist ticks are kept for the current operation</source>
        <translation>les cases cochées des listes de contrôle sont conservées pour l&apos;opération en cours</translation>
    </message>
    <message>
        <source>choose an operation to tick the checklists</source>
        <translation>choisissez une opération pour cocher les listes de contrôle</translation>
    </message>
    <message>
        <source>This section is not translated yet: it is shown in English.</source>
        <translation>Cette section n&apos;est pas encore traduite&#xa0;: elle est affichée en anglais.</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Open this link outside the Field Kit?

{0}

It needs an internet connection; the handbook itself works offline.</source>
        <translation>Ouvrir ce lien en dehors de Field Kit&#xa0;?

{0}

Il faut une connexion Internet&#xa0;; le manuel lui-même fonctionne hors ligne.</translation>
    </message>
    <message>
        <source>Checklists are ticked per operation: create or choose an operation first.</source>
        <translation>Les listes de contrôle se cochent par opération&#xa0;: créez ou choisissez d&apos;abord une opération.</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ Signet ajouté</translation>
    </message>
    <message>
        <source>The handbook is being loaded. It opens here in a moment.</source>
        <translation>Le manuel est en cours de chargement. Il s&apos;ouvrira ici dans un instant.</translation>
    </message>
</context>
<context>
    <name>HandbookSidePanel</name>
    <message>
        <source>Search the handbook</source>
        <translation>Rechercher dans le manuel</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>Supprimer le signet</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(English)</source>
        <translation>(anglais)</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) found</source>
        <translation>
            <numerusform>%n section trouvée</numerusform>
            <numerusform>%n sections trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Try fewer or other words.</source>
        <translation>Aucun résultat pour «&#xa0;{0}&#xa0;». Essayez moins de mots ou d&apos;autres mots.</translation>
    </message>
    <message>
        <source>{0} (English)</source>
        <translation>{0} (anglais)</translation>
    </message>
    <message>
        <source>Not translated yet: shown in English.</source>
        <translation>Pas encore traduite&#xa0;: affichée en anglais.</translation>
    </message>
    <message>
        <source>No bookmarks yet. Use ☆ Bookmark (Ctrl+D) on a section to keep it here.</source>
        <translation>Aucun signet pour l&apos;instant. Utilisez ☆ Signet (Ctrl+D) sur une section pour la retrouver ici.</translation>
    </message>
    <message>
        <source>This note&apos;s section was removed in a newer edition. The note is kept; open it to read, edit or delete it.</source>
        <translation>La section de cette note a été retirée dans une édition plus récente. La note est conservée&#xa0;; ouvrez-la pour la lire, la modifier ou la supprimer.</translation>
    </message>
    <message>
        <source>No notes yet. Open a section and write one under it.</source>
        <translation>Aucune note pour l&apos;instant. Ouvrez une section et rédigez-en une en dessous.</translation>
    </message>
</context>
<context>
    <name>HeldChangesPanel</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>Retenue depuis</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Envoyer à nouveau</translation>
    </message>
    <message>
        <source>Lift the hold: the change goes to HQ with the next sync (correct the record first if HQ found a value it cannot accept).</source>
        <translation>Lever la retenue&#xa0;: la modification part au siège à la prochaine synchronisation (corrigez d&apos;abord la fiche si le siège y a trouvé une valeur qu&apos;il ne peut pas accepter).</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Abandonner la modification…</translation>
    </message>
    <message>
        <source>What the change contains:</source>
        <translation>Contenu de la modification&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing held. Every change HQ receives is applied or shown as a conflict.</source>
        <translation>Aucune modification retenue. Chaque modification reçue par le siège est appliquée ou affichée comme conflit.</translation>
    </message>
    <message numerus="yes">
        <source>HQ held %n change(s).</source>
        <translation>
            <numerusform>Le siège a retenu %n modification.</numerusform>
            <numerusform>Le siège a retenu %n modifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) of the same records wait behind them.</source>
        <translation>
            <numerusform>%n modification ultérieure des mêmes fiches attend derrière elles.</numerusform>
            <numerusform>%n modifications ultérieures des mêmes fiches attendent derrière elles.</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay on this laptop until you act; everything else keeps syncing.</source>
        <translation>Elles restent sur cet ordinateur jusqu&apos;à ce que vous agissiez&#xa0;; tout le reste continue de se synchroniser.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>{0}: goes to HQ with the next sync.</source>
        <translation>{0}&#xa0;: part au siège à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Abandonner la modification</translation>
    </message>
    <message>
        <source>Discard this change to {0}? HQ will never receive it; the record on this laptop stays as it is now. Save it to a file first if you may need it.</source>
        <translation>Abandonner cette modification de {0}&#xa0;? Le siège ne la recevra jamais&#xa0;; la fiche sur cet ordinateur reste telle qu&apos;elle est maintenant. Enregistrez-la d&apos;abord dans un fichier si vous risquez d&apos;en avoir besoin.</translation>
    </message>
    <message>
        <source>Discarded the change to {0}.</source>
        <translation>Modification de {0} abandonnée.</translation>
    </message>
</context>
<context>
    <name>HeldRowsPanel</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>HQ keeps its copy. This laptop tries the row again at every sync (a newer version of the Field Kit may apply it). Discarding forgets it here only.</source>
        <translation>Le siège conserve sa copie. Cet ordinateur réessaie la ligne à chaque synchronisation (une version plus récente de Field Kit pourra peut-être l&apos;appliquer). L&apos;abandonner ne l&apos;efface que sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from HQ could not be applied on this laptop. Everything else was applied.</source>
        <translation>
            <numerusform>%n ligne du siège n&apos;a pas pu être appliquée sur cet ordinateur. Tout le reste a été appliqué.</numerusform>
            <numerusform>%n lignes du siège n&apos;ont pas pu être appliquées sur cet ordinateur. Tout le reste a été appliqué.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing held. Every row from HQ was applied.</source>
        <translation>Aucune ligne retenue. Toutes les lignes du siège ont été appliquées.</translation>
    </message>
    <message>
        <source>Forgot {0} on this laptop.</source>
        <translation>Oublié sur cet ordinateur&#xa0;: {0}.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About CMCoord Field Kit</source>
        <translation>À propos de CMCoord Field Kit</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Enter the lock passphrase to go on.</source>
        <translation>Saisissez la phrase de passe de verrouillage pour continuer.</translation>
    </message>
    <message>
        <source>Type your name as recorded in this profile to go on.</source>
        <translation>Saisissez votre nom tel qu&apos;il est enregistré dans ce profil pour continuer.</translation>
    </message>
    <message>
        <source>That is not the lock passphrase. Try again.</source>
        <translation>Ce n&apos;est pas la phrase de passe de verrouillage. Réessayez.</translation>
    </message>
    <message>
        <source>Still reading the profile; try again in a moment.</source>
        <translation>Lecture du profil en cours&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Field Kit is locked.</source>
        <translation>Field Kit est verrouillé.</translation>
    </message>
    <message>
        <source>Enter your passphrase to go on.</source>
        <translation>Saisissez votre phrase secrète pour continuer.</translation>
    </message>
    <message>
        <source>A passphrase makes this lock stronger: set one in View ▸ Set passphrase…</source>
        <translation>Une phrase secrète renforce ce verrouillage : définissez-en une dans Affichage ▸ Définir la phrase secrète…</translation>
    </message>
    <message>
        <source>That is not this profile&apos;s passphrase. Try again.</source>
        <translation>Ce n&apos;est pas la phrase secrète de ce profil. Réessayez.</translation>
    </message>
    <message>
        <source>That is not the name recorded in this profile. Try again.</source>
        <translation>Ce n&apos;est pas le nom enregistré dans ce profil. Réessayez.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Aperçu de l&apos;importation</translation>
    </message>
    <message>
        <source>{added} to add, {matches} already there, {rejected} rejected, {warnings} warnings. Nothing is written until you press Import.</source>
        <translation>{added} à ajouter, {matches} déjà présents, {rejected} rejetés, {warnings} avertissements. Rien n&apos;est écrit tant que vous n&apos;appuyez pas sur Importer.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Will be added</source>
        <translation>Sera ajouté</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Correspond à</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <source>What was changed or left out</source>
        <translation>Modifié ou omis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation>Nouveaux ({n})</translation>
    </message>
    <message>
        <source>Already there ({n})</source>
        <translation>Déjà présents ({n})</translation>
    </message>
    <message>
        <source>Rejected ({n})</source>
        <translation>Rejetés ({n})</translation>
    </message>
    <message>
        <source>Warnings ({n})</source>
        <translation>Avertissements ({n})</translation>
    </message>
    <message>
        <source>Columns ({n})</source>
        <translation>Colonnes ({n})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The encoding was guessed from the file. If names look wrong, pick the one it was saved in:</source>
        <translation>L&apos;encodage a été deviné d&apos;après le fichier. Si les noms semblent erronés, choisissez celui dans lequel il a été enregistré&#xa0;:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Lu comme&#xa0;:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Devient</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Ignorer tout</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>L&apos;importation a échoué&#xa0;; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>LessonForm</name>
    <message>
        <source>New lesson</source>
        <translation>Nouvel enseignement</translation>
    </message>
    <message>
        <source>One line that says what was learnt</source>
        <translation>Une ligne qui dit ce qui a été appris</translation>
    </message>
    <message>
        <source>Name of the exercise, when it is not an operation in the app</source>
        <translation>Nom de l&apos;exercice, s&apos;il ne s&apos;agit pas d&apos;une opération de l&apos;application</translation>
    </message>
    <message>
        <source>Town, district, camp or HQ</source>
        <translation>Ville, district, camp ou siège</translation>
    </message>
    <message>
        <source>Choose a topic…</source>
        <translation>Choisir un thème…</translation>
    </message>
    <message>
        <source>The language the lesson is written in; the lessons library can be filtered by it</source>
        <translation>La langue dans laquelle l&apos;enseignement est rédigé&#xa0;; la bibliothèque des enseignements peut être filtrée selon celle-ci</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Date observed:</source>
        <translation>Date d&apos;observation&#xa0;:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Opération&#xa0;:</translation>
    </message>
    <message>
        <source>Exercise:</source>
        <translation>Exercice&#xa0;:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Who should act on it, e.g. CMCS</source>
        <translation>Qui doit y donner suite, ex. CMCS</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. validation, RC/HC</source>
        <translation>Séparés par des virgules, ex. validation, CR/CH</translation>
    </message>
    <message>
        <source>Public: may be published in the lessons library</source>
        <translation>Public&#xa0;: peut être publié dans la bibliothèque des enseignements</translation>
    </message>
    <message>
        <source>Internal: never published</source>
        <translation>Interne&#xa0;: jamais publié</translation>
    </message>
    <message>
        <source>Suggested owner:</source>
        <translation>Responsable suggéré&#xa0;:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Mots-clés&#xa0;:</translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation>Sensibilité&#xa0;:</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Keep the lesson on this laptop (Ctrl+S)</source>
        <translation>Conserver l&apos;enseignement sur cet ordinateur (Ctrl+S)</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>Soumettre…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete this lesson from this laptop</source>
        <translation>Supprimer cet enseignement de cet ordinateur</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save this lesson as a PDF file</source>
        <translation>Enregistrer cet enseignement en PDF</translation>
    </message>
    <message>
        <source>Written in:</source>
        <translation>Rédigé en&#xa0;:</translation>
    </message>
    <message>
        <source>{0} characters: too long, the most is {1}</source>
        <translation>{0} caractères&#xa0;: trop long, {1} au maximum</translation>
    </message>
    <message>
        <source>{0} characters ✓</source>
        <translation>{0} caractères ✓</translation>
    </message>
    <message>
        <source>{0} / {1} characters minimum</source>
        <translation>{0} / {1} caractères minimum</translation>
    </message>
    <message>
        <source>None: an exercise not in the app</source>
        <translation>Aucune&#xa0;: exercice absent de l&apos;application</translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted: it becomes read-only; demo data stays on this laptop and is never sent to Geneva</source>
        <translation>Marquer cet enseignement d&apos;entraînement comme soumis&#xa0;: il passe en lecture seule&#xa0;; les données de démo restent sur cet ordinateur et ne sont jamais envoyées à Genève</translation>
    </message>
    <message>
        <source>Send the lesson to Geneva for review: it becomes read-only on this laptop and travels with the next sync</source>
        <translation>Envoyer l&apos;enseignement à Genève pour examen&#xa0;: il passe en lecture seule sur cet ordinateur et part avec la prochaine synchronisation</translation>
    </message>
    <message>
        <source>(operation not listed)</source>
        <translation>(opération non répertoriée)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted (demo).&lt;/b&gt; This practice lesson is read-only on this laptop. Demo data stays on this laptop: it is never sent to Geneva.</source>
        <translation>&lt;b&gt;Soumis (démo).&lt;/b&gt; Cet enseignement d&apos;entraînement est en lecture seule sur cet ordinateur. Les données de démo restent sur cet ordinateur&#xa0;: elles ne sont jamais envoyées à Genève.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned by HQ with a comment.&lt;/b&gt; Edit the lesson and submit it again.</source>
        <translation>&lt;b&gt;Renvoyé par le siège avec un commentaire.&lt;/b&gt; Modifiez l&apos;enseignement et soumettez-le de nouveau.</translation>
    </message>
    <message>
        <source>(HQ gave no comment.)</source>
        <translation>(Le siège n&apos;a laissé aucun commentaire.)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted to Geneva.&lt;/b&gt; This lesson is read-only on this laptop; it travels with the next sync. If HQ returns it with a comment, you can edit it again.</source>
        <translation>&lt;b&gt;Soumis à Genève.&lt;/b&gt; Cet enseignement est en lecture seule sur cet ordinateur&#xa0;; il part avec la prochaine synchronisation. Si le siège vous le renvoie avec un commentaire, vous pourrez de nouveau le modifier.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validated by HQ.&lt;/b&gt; It can no longer be changed here.</source>
        <translation>&lt;b&gt;Validé par le siège.&lt;/b&gt; Il ne peut plus être modifié ici.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Published in the lessons library.&lt;/b&gt; It can no longer be changed here.</source>
        <translation>&lt;b&gt;Publié dans la bibliothèque des enseignements.&lt;/b&gt; Il ne peut plus être modifié ici.</translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation>Commentaire du siège&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Demo operation: this lesson stays on this laptop and is never sent to Geneva.</source>
        <translation>Opération de démo&#xa0;: cet enseignement reste sur cet ordinateur et n&apos;est jamais envoyé à Genève.</translation>
    </message>
    <message>
        <source>Submit (demo)</source>
        <translation>Soumettre (démo)</translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted? It becomes read-only on this laptop. It belongs to the demo operation: demo data stays on this laptop and is never sent to Geneva.</source>
        <translation>Marquer cet enseignement d&apos;entraînement comme soumis&#xa0;? Il passe en lecture seule sur cet ordinateur. Il appartient à l&apos;opération de démo&#xa0;: les données de démo restent sur cet ordinateur et ne sont jamais envoyées à Genève.</translation>
    </message>
    <message>
        <source>Submit to Geneva</source>
        <translation>Soumettre à Genève</translation>
    </message>
    <message>
        <source>Submit this lesson to Geneva? It becomes read-only on this laptop and travels with the next sync. HQ validates it, or returns it to you with a comment.</source>
        <translation>Soumettre cet enseignement à Genève&#xa0;? Il passe en lecture seule sur cet ordinateur et part avec la prochaine synchronisation. Le siège le valide, ou vous le renvoie avec un commentaire.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <source>Draft saved on this laptop.</source>
        <translation>Brouillon enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Submitted, as practice: demo data stays on this laptop.</source>
        <translation>Soumis, pour l&apos;entraînement&#xa0;: les données de démo restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Submitted. It goes to Geneva with the next sync.</source>
        <translation>Soumis. Il part à Genève avec la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Not submitted: complete the marked parts of the template.</source>
        <translation>Non soumis&#xa0;: complétez les parties signalées du modèle.</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>Non enregistré&#xa0;: corrigez les champs signalés.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Delete this lesson? This cannot be undone.</source>
        <translation>Supprimer cet enseignement&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation>Enregistré dans &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>LessonsScreen</name>
    <message>
        <source>Lessons observed</source>
        <translation>Enseignements observés</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nouvel enseignement</translation>
    </message>
    <message>
        <source>Search title, text, keywords, place…</source>
        <translation>Rechercher titre, texte, mots-clés, lieu…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Tout thème</translation>
    </message>
    <message>
        <source>Export selected</source>
        <translation>Exporter la sélection</translation>
    </message>
    <message>
        <source>To one PDF…</source>
        <translation>Dans un seul PDF…</translation>
    </message>
    <message>
        <source>To CSV (spreadsheet, HXL)…</source>
        <translation>En CSV (tableur, HXL)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>All operations and exercises</source>
        <translation>Toutes les opérations et exercices</translation>
    </message>
    <message>
        <source>Exercises not in the app</source>
        <translation>Exercices hors application</translation>
    </message>
    <message>
        <source>No lessons here yet: the form on the right starts one.</source>
        <translation>Aucun enseignement ici pour l&apos;instant&#xa0;: le formulaire à droite permet d&apos;en commencer un.</translation>
    </message>
    <message>
        <source>No lesson matches these filters.</source>
        <translation>Aucun enseignement ne correspond à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n enseignement</numerusform>
            <numerusform>%n enseignements</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>Enseignement non enregistré</translation>
    </message>
    <message>
        <source>This lesson has changes that are not saved. Discard them?</source>
        <translation>Cet enseignement comporte des modifications non enregistrées. Les abandonner&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected lesson(s)</source>
        <translation>
            <numerusform>Exporter %n enseignement sélectionné</numerusform>
            <numerusform>Exporter les %n enseignements sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Select lessons in the list first (Ctrl+A selects all)</source>
        <translation>Sélectionnez d&apos;abord des enseignements dans la liste (Ctrl+A sélectionne tout)</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to PDF…</source>
        <translation>
            <numerusform>Écriture de %n enseignement en PDF…</numerusform>
            <numerusform>Écriture de %n enseignements en PDF…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to CSV…</source>
        <translation>
            <numerusform>Écriture de %n enseignement en CSV…</numerusform>
            <numerusform>Écriture de %n enseignements en CSV…</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation>Enregistré dans &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>The export was not saved: {0}</source>
        <translation>L&apos;exportation n&apos;a pas été enregistrée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportation annulée.</translation>
    </message>
</context>
<context>
    <name>LessonsTable</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observé le</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Renvoyée</translation>
    </message>
    <message>
        <source>Returned by HQ</source>
        <translation>Renvoyée par le siège</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation>Commentaire du siège&#xa0;: {0}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Importation annulée&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Field Kit is locked</source>
        <translation>Field Kit est verrouillé</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CMCoord Field Kit</source>
        <translation>CMCoord Field Kit</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Profile: {0}</source>
        <translation>Profil&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Synchronisation&#xa0;: pas encore configurée</translation>
    </message>
    <message>
        <source>The {0} screen could not be opened. Your data is as it was before; choose {0} again to try once more.</source>
        <translation>L’écran {0} n’a pas pu s’ouvrir. Vos données sont inchangées ; choisissez à nouveau {0} pour réessayer.</translation>
    </message>
    <message>
        <source>{0} could not be opened: choose it again to retry.</source>
        <translation>{0} n’a pas pu s’ouvrir : choisissez-le à nouveau pour réessayer.</translation>
    </message>
    <message>
        <source>Choose a section on the left.</source>
        <translation>Choisissez une rubrique à gauche.</translation>
    </message>
    <message>
        <source>A form here holds changes that are not saved yet. Save or discard them and choose the language again, or it will apply when Field Kit next starts.</source>
        <translation>Un formulaire contient des modifications non enregistrées. Enregistrez-les ou abandonnez-les, puis choisissez de nouveau la langue&#xa0;; sinon, elle s&apos;appliquera au prochain démarrage de Field Kit.</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Verrouiller après</translation>
    </message>
    <message>
        <source>Lock Field Kit after this many minutes without input (0: never):</source>
        <translation>Verrouiller Field Kit après ce nombre de minutes sans saisie (0 : jamais) :</translation>
    </message>
    <message>
        <source>No current operation: create one from Operations ▸ New operation</source>
        <translation>Aucune opération en cours&#xa0;: créez-en une via Opérations ▸ Nouvelle opération</translation>
    </message>
    <message>
        <source>Operation: {0}</source>
        <translation>Opération&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0} — CMCoord Field Kit</source>
        <translation>{0} — CMCoord Field Kit</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New item in this section</source>
        <translation>&amp;Nouvel élément dans cette section</translation>
    </message>
    <message>
        <source>&amp;Import into this section…</source>
        <translation>&amp;Importer dans cette section…</translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation>&amp;Opération</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Search everything</source>
        <translation>&amp;Rechercher partout</translation>
    </message>
    <message>
        <source>&amp;Filter this list / find in the handbook</source>
        <translation>&amp;Filtrer cette liste / rechercher dans le manuel</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>Lock &amp;now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Set &amp;passphrase…</source>
        <translation>Définir la &amp;phrase secrète…</translation>
    </message>
    <message>
        <source>Lock &amp;after…</source>
        <translation>Verrouiller &amp;après…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About CMCoord Field Kit</source>
        <translation>À &amp;propos de CMCoord Field Kit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Langue du système ({language})</translation>
    </message>
    <message>
        <source>This section has nothing to do that for.</source>
        <translation>Cette section ne permet pas cette action.</translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>Type a number, e.g. 4 or 2.5.</source>
        <translation>Saisissez un nombre, ex. 4 ou 2,5.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Saisissez un nombre entier.</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Edit operation</source>
        <translation>Modifier l&apos;opération</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Nouvelle opération</translation>
    </message>
    <message>
        <source>e.g. Cyclone Mara response</source>
        <translation>ex. Intervention cyclone Mara</translation>
    </message>
    <message>
        <source>2 to 8 letters or digits, e.g. MARA</source>
        <translation>2 à 8 lettres ou chiffres, ex. MARA</translation>
    </message>
    <message>
        <source>Type to search the country list</source>
        <translation>Saisissez pour chercher dans la liste des pays</translation>
    </message>
    <message>
        <source>Name of the Humanitarian / Resident Coordinator</source>
        <translation>Nom du Coordonnateur humanitaire / résident</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Définir</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation>Code court&#xa0;:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Pays&#xa0;:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>HC/RC:</source>
        <translation>CH/CR&#xa0;:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Date de début&#xa0;:</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Date de fin&#xa0;:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire&#xa0;:</translation>
    </message>
</context>
<context>
    <name>OperationSwitcher</name>
    <message>
        <source>No operation yet</source>
        <translation>Aucune opération</translation>
    </message>
    <message>
        <source>The current operation: every list shows its records</source>
        <translation>L&apos;opération en cours&#xa0;: chaque liste affiche ses fiches</translation>
    </message>
    <message>
        <source>New operation…</source>
        <translation>Nouvelle opération…</translation>
    </message>
    <message>
        <source>Edit current operation…</source>
        <translation>Modifier l&apos;opération en cours…</translation>
    </message>
    <message>
        <source>Archive current operation</source>
        <translation>Archiver l&apos;opération en cours</translation>
    </message>
    <message>
        <source>Restore archived operation</source>
        <translation>Restaurer une opération archivée</translation>
    </message>
    <message>
        <source>Operations ▾</source>
        <translation>Opérations ▾</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Opération&#xa0;:</translation>
    </message>
    <message>
        <source>Archived {0}. Restore it from Operations ▸ Restore archived operation.</source>
        <translation>Opération {0} archivée. Restaurez-la via Opérations ▸ Restaurer une opération archivée.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Set passphrase</source>
        <translation>Définir la phrase secrète</translation>
    </message>
    <message>
        <source>This passphrase unlocks Field Kit after it has locked itself, and opens your encrypted data when the system keyring cannot. Only a key derived from it is kept; forgotten, it cannot be recovered, but your recovery key still opens the data.</source>
        <translation>Cette phrase secrète déverrouille Field Kit quand il s&apos;est verrouillé, et ouvre vos données chiffrées quand le trousseau du système ne le peut pas. Seule une clé qui en est dérivée est gardée : oubliée, elle ne peut pas être retrouvée, mais votre clé de récupération ouvre toujours les données.</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase de passe actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>New passphrase again:</source>
        <translation>Nouvelle phrase de passe (à nouveau)&#xa0;:</translation>
    </message>
    <message>
        <source>Still reading the profile; try again in a moment.</source>
        <translation>Lecture du profil en cours ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La phrase de passe actuelle n&apos;est pas la bonne.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>Les deux nouvelles phrases de passe diffèrent&#xa0;; saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
</context>
<context>
    <name>PhoneLine</name>
    <message>
        <source>e.g. {international}, or {national}</source>
        <translation>ex. {international}, ou {national}</translation>
    </message>
    <message>
        <source>e.g. {international}</source>
        <translation>ex. {international}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source> for {region}</source>
        <translation> pour {region}</translation>
    </message>
    <message>
        <source>Not a valid phone number{where}; kept as typed, marked unchecked.</source>
        <translation>Numéro de téléphone non valide{where}&#xa0;; conservé tel que saisi, marqué non vérifié.</translation>
    </message>
    <message>
        <source>Check the number, or write it with the country code (+…).</source>
        <translation>Vérifiez le numéro, ou écrivez-le avec l&apos;indicatif du pays (+…).</translation>
    </message>
</context>
<context>
    <name>ProposalCard</name>
    <message>
        <source>Not sent yet: goes to HQ with the next sync</source>
        <translation>Pas encore envoyée&#xa0;: partira au siège à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>HQ: “{answer}”</source>
        <translation>Siège&#xa0;: «&#xa0;{answer}&#xa0;»</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Take back this proposal: HQ has not answered it yet</source>
        <translation>Retirer cette proposition&#xa0;: le siège n&apos;y a pas encore répondu</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Propose a correction — {entry}</source>
        <translation>Proposer une correction — {entry}</translation>
    </message>
    <message>
        <source>The Central Register is kept at HQ. Change what is wrong and say how you know in the comment; HQ&apos;s registry staff accept or reject the proposal. It goes to HQ with the next sync, and their answer shows in the entry&apos;s panel.</source>
        <translation>Le Registre central est tenu par le siège. Modifiez ce qui est inexact et indiquez dans le commentaire comment vous le savez&#xa0;; l&apos;équipe du registre au siège accepte ou rejette la proposition. Elle part au siège à la prochaine synchronisation, et la réponse s&apos;affiche dans le panneau de l&apos;entrée.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>Au registre</translation>
    </message>
    <message>
        <source>Your correction</source>
        <translation>Votre correction</translation>
    </message>
    <message>
        <source>How you know, e.g. “Confirmed by phone with the unit&apos;s liaison officer on 3 December: one aircraft is in maintenance.”</source>
        <translation>Comment vous le savez, par ex. «&#xa0;Confirmé par téléphone avec l&apos;officier de liaison de l&apos;unité le 3 décembre&#xa0;: un appareil est en maintenance.&#xa0;»</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation>Enregistrer la proposition</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty for no end date</source>
        <translation>AAAA-MM-JJ, ou vide pour aucune date de fin</translation>
    </message>
    <message>
        <source>&lt;b&gt;{field}&lt;/b&gt; (changed)</source>
        <translation>&lt;b&gt;{field}&lt;/b&gt; (modifié)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>This recovery key opens your data if the passphrase is forgotten or the system keyring is lost. Keep it on paper or a USB stick, away from the laptop.</source>
        <translation>Cette clé de récupération ouvre vos données si la phrase secrète est oubliée ou si le trousseau du système est perdu. Gardez-la sur papier ou sur une clé USB, loin de l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save writes a plain file (PDF or text) for a USB stick you keep away from the laptop, not on it.</source>
        <translation>Enregistrer écrit un fichier non chiffré (PDF ou texte) destiné à une clé USB gardée loin de l&apos;ordinateur, pas sur celui-ci.</translation>
    </message>
    <message>
        <source>I have kept the recovery key</source>
        <translation>J&apos;ai conservé la clé de récupération</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Sent to {0}.</source>
        <translation>Envoyé à {0}.</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was sent.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être lancée ; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Save the recovery key (a plain file: keep it away from the laptop)</source>
        <translation>Enregistrer la clé de récupération (fichier non chiffré : gardez-le loin de l&apos;ordinateur)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Text file (*.txt)</source>
        <translation>Document PDF (*.pdf);;Fichier texte (*.txt)</translation>
    </message>
    <message>
        <source>Saved to {0}. Move it off this laptop.</source>
        <translation>Enregistré dans {0}. Déplacez-le hors de cet ordinateur.</translation>
    </message>
    <message>
        <source>Continue without the recovery key?</source>
        <translation>Continuer sans la clé de récupération ?</translation>
    </message>
    <message>
        <source>Without the recovery key, a forgotten passphrase or a lost keyring means your data is lost for good.</source>
        <translation>Sans la clé de récupération, une phrase secrète oubliée ou un trousseau perdu signifie que vos données sont perdues pour de bon.</translation>
    </message>
    <message>
        <source>Continue without it</source>
        <translation>Continuer sans elle</translation>
    </message>
    <message>
        <source>Back to the key</source>
        <translation>Revenir à la clé</translation>
    </message>
</context>
<context>
    <name>RegisterDetailPanel</name>
    <message>
        <source>Central Register entry, kept at HQ: it cannot be changed here. If something is wrong, press “Propose a correction…”: HQ&apos;s registry staff accept or reject it, and their answer shows below after a sync.</source>
        <translation>Entrée du Registre central, tenu par le siège&#xa0;: elle ne peut pas être modifiée ici. Si quelque chose est inexact, appuyez sur «&#xa0;Proposer une correction…&#xa0;»&#xa0;: l&apos;équipe du registre au siège l&apos;accepte ou la rejette, et sa réponse s&apos;affiche ci-dessous après une synchronisation.</translation>
    </message>
    <message>
        <source>Your proposed corrections</source>
        <translation>Vos propositions de correction</translation>
    </message>
    <message>
        <source>Valid-until passed ({date}): HQ asks the provider to confirm the offer. Check with the point of contact before relying on it.</source>
        <translation>Validité dépassée ({date})&#xa0;: le siège demande au fournisseur de confirmer l&apos;offre. Vérifiez auprès du point de contact avant de compter dessus.</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité&#xa0;:</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>Ready to move in:</source>
        <translation>Mobilisable sous&#xa0;:</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>Deploys in:</source>
        <translation>Délai de déploiement&#xa0;:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valable jusqu&apos;au&#xa0;:</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sans date de fin</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Conditions&#xa0;:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Point de contact&#xa0;:</translation>
    </message>
    <message>
        <source>Register version:</source>
        <translation>Version au registre&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Release</name>
    <message>
        <source>Version {version} is available: download it from {address}</source>
        <translation>La version {version} est disponible&#xa0;: téléchargez-la depuis {address}</translation>
    </message>
    <message>
        <source>(this is version {installed}).</source>
        <translation>(version installée&#xa0;: {installed}).</translation>
    </message>
</context>
<context>
    <name>RfaActions</name>
    <message>
        <source>Submit for validation</source>
        <translation>Soumettre pour validation</translation>
    </message>
    <message>
        <source>Record HC/RC validation</source>
        <translation>Enregistrer la validation du CH/CR</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>Renvoyer pour modification</translation>
    </message>
    <message>
        <source>Pass to military</source>
        <translation>Transmettre aux militaires</translation>
    </message>
    <message>
        <source>Record tasking…</source>
        <translation>Enregistrer l&apos;attribution…</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marquer terminée</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Annuler la demande</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Repasser en brouillon</translation>
    </message>
</context>
<context>
    <name>RfaForm</name>
    <message>
        <source>Preview PDF</source>
        <translation>Aperçu PDF</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Language of the PDF and the printout</source>
        <translation>Langue du PDF et de l&apos;impression</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Étape suivante&#xa0;:</translation>
    </message>
    <message>
        <source>Edit (back to draft)</source>
        <translation>Modifier (retour au brouillon)</translation>
    </message>
    <message>
        <source>Changing a submitted or validated request sends it back to draft: it must be validated again.</source>
        <translation>Modifier une demande soumise ou validée la renvoie en brouillon&#xa0;: elle doit être validée de nouveau.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Fields marked * must be filled in before the request can be submitted for validation; a draft may leave any field empty.</source>
        <translation>Les champs marqués * doivent être remplis avant que la demande puisse être soumise pour validation&#xa0;; un brouillon peut laisser n&apos;importe quel champ vide.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>e.g. Airlift of water purification units</source>
        <translation>ex. Transport aérien d&apos;unités de purification d&apos;eau</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Requesting organisation:</source>
        <translation>Organisation demandeuse&#xa0;:</translation>
    </message>
    <message>
        <source>Cluster / sector:</source>
        <translation>Cluster / secteur&#xa0;:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Personne de contact&#xa0;:</translation>
    </message>
    <message>
        <source>Capability requested:</source>
        <translation>Capacité demandée&#xa0;:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorité&#xa0;:</translation>
    </message>
    <message>
        <source>Last resort</source>
        <translation>Dernier recours</translation>
    </message>
    <message>
        <source>Which civilian means were tried or considered (UNHAS, commercial carriers, the Logistics Cluster…), even if none exist.</source>
        <translation>Quels moyens civils ont été essayés ou envisagés (UNHAS, transporteurs commerciaux, cluster Logistique…), même s&apos;il n&apos;en existe aucun.</translation>
    </message>
    <message>
        <source>Why no civilian means can meet the need in time: military and civil defence assets are a last resort.</source>
        <translation>Pourquoi aucun moyen civil ne peut répondre au besoin à temps&#xa0;: les moyens militaires et de protection civile sont un dernier recours.</translation>
    </message>
    <message>
        <source>Unique: nothing civilian can do this task</source>
        <translation>Unique&#xa0;: aucun moyen civil ne peut accomplir cette tâche</translation>
    </message>
    <message>
        <source>Civilian means tried:</source>
        <translation>Moyens civils essayés&#xa0;:</translation>
    </message>
    <message>
        <source>Justification:</source>
        <translation>Justification&#xa0;:</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>What must be done, for whom, with what (e.g. fly 4 t of water kits …).</source>
        <translation>Ce qui doit être fait, pour qui, avec quoi (ex. transporter par avion 4 t de kits d&apos;eau …).</translation>
    </message>
    <message>
        <source>from and/or to: one of the two is enough</source>
        <translation>de et/ou vers&#xa0;: l&apos;un des deux suffit</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Définir</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>tonnes</source>
        <translation>tonnes</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantité</translation>
    </message>
    <message>
        <source>unit, e.g. water bladders</source>
        <translation>unité, ex. citernes souples d&apos;eau</translation>
    </message>
    <message>
        <source>Threats, escorts, access, acceptance of uniformed personnel…</source>
        <translation>Menaces, escortes, accès, acceptation du personnel en uniforme…</translation>
    </message>
    <message>
        <source>Anything else the validator or the military should know.</source>
        <translation>Toute autre information utile au validateur ou aux militaires.</translation>
    </message>
    <message>
        <source>Task description:</source>
        <translation>Description de la tâche&#xa0;:</translation>
    </message>
    <message>
        <source>From (place):</source>
        <translation>De (lieu)&#xa0;:</translation>
    </message>
    <message>
        <source>From (coordinates):</source>
        <translation>De (coordonnées)&#xa0;:</translation>
    </message>
    <message>
        <source>To (place):</source>
        <translation>Vers (lieu)&#xa0;:</translation>
    </message>
    <message>
        <source>To (coordinates):</source>
        <translation>Vers (coordonnées)&#xa0;:</translation>
    </message>
    <message>
        <source>Required from:</source>
        <translation>Requis à partir de&#xa0;:</translation>
    </message>
    <message>
        <source>Required until:</source>
        <translation>Requis jusqu&apos;à&#xa0;:</translation>
    </message>
    <message>
        <source>Passengers:</source>
        <translation>Passagers&#xa0;:</translation>
    </message>
    <message>
        <source>Cargo (tonnes):</source>
        <translation>Fret (tonnes)&#xa0;:</translation>
    </message>
    <message>
        <source>Cargo (m³):</source>
        <translation>Fret (m³)&#xa0;:</translation>
    </message>
    <message>
        <source>Other quantity:</source>
        <translation>Autre quantité&#xa0;:</translation>
    </message>
    <message>
        <source>Security considerations:</source>
        <translation>Considérations de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>Remarques&#xa0;:</translation>
    </message>
    <message>
        <source>Proposed assets (tick the ones to propose)</source>
        <translation>Moyens proposés (cochez ceux à proposer)</translation>
    </message>
    <message>
        <source>Find matching assets</source>
        <translation>Trouver des moyens adaptés</translation>
    </message>
    <message>
        <source>Assets of the requested capability available in the window: those whose capacity covers the quantities requested first, nearest first; each says why it fits or not.</source>
        <translation>Moyens de la capacité demandée disponibles dans la période&#xa0;: d&apos;abord ceux dont la capacité couvre les quantités demandées, puis les plus proches&#xa0;; chacun indique pourquoi il convient ou non.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistrée</translation>
    </message>
    <message>
        <source>The request is stored, and given its reference, when you first type something.</source>
        <translation>La demande est enregistrée, et reçoit sa référence, dès que vous saisissez quelque chose.</translation>
    </message>
    <message>
        <source>Tasked asset: {0}</source>
        <translation>Moyen attribué&#xa0;: {0}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>No asset proposed yet: use “Find matching assets”.</source>
        <translation>Aucun moyen proposé pour l&apos;instant&#xa0;: utilisez «&#xa0;Trouver des moyens adaptés&#xa0;».</translation>
    </message>
    <message>
        <source>Closed: no further steps.</source>
        <translation>Clôturée&#xa0;: aucune étape suivante.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>When ({0})</source>
        <translation>Date ({0})</translation>
    </message>
    <message>
        <source>Your first change sends this request back to draft; submit it again for validation.</source>
        <translation>Votre première modification renvoie cette demande en brouillon&#xa0;; soumettez-la de nouveau pour validation.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistrée</translation>
    </message>
    <message>
        <source>The request cannot go for validation yet: fix the fields marked below.</source>
        <translation>La demande ne peut pas encore être soumise pour validation&#xa0;: corrigez les champs signalés ci-dessous.</translation>
    </message>
    <message>
        <source>The request is needed from a time already past. Say why (for example, recording support already given): it goes in the history.</source>
        <translation>La demande est requise à partir d&apos;un moment déjà passé. Indiquez pourquoi (par exemple, enregistrement d&apos;un appui déjà fourni)&#xa0;: cela figure dans l&apos;historique.</translation>
    </message>
    <message>
        <source>new request</source>
        <translation>nouvelle demande</translation>
    </message>
    <message>
        <source>The request is now: {0}.</source>
        <translation>La demande est maintenant&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>No {0} asset in the directory is available in that window.</source>
        <translation>Aucun moyen de type {0} du répertoire n&apos;est disponible dans cette période.</translation>
    </message>
    <message>
        <source>Delete the draft {0}? Its reference will not be given out again.</source>
        <translation>Supprimer le brouillon {0}&#xa0;? Sa référence ne sera pas réattribuée.</translation>
    </message>
</context>
<context>
    <name>RfaScreen</name>
    <message>
        <source>PDF, A4 (*.pdf)</source>
        <translation>PDF, A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, US Letter (*.pdf)</source>
        <translation>PDF, Lettre US (*.pdf)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous statuts</translation>
    </message>
    <message>
        <source>Open (not closed)</source>
        <translation>Ouvertes (non clôturées)</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Toutes priorités</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>Tous clusters</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Toutes capacités</translation>
    </message>
    <message>
        <source>Search requests…</source>
        <translation>Rechercher des demandes…</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <source>Log as PDF…</source>
        <translation>Registre en PDF…</translation>
    </message>
    <message>
        <source>Log as CSV (Excel, HXL)…</source>
        <translation>Registre en CSV (Excel, HXL)…</translation>
    </message>
    <message>
        <source>Choose a request in the list, or draft a new one.</source>
        <translation>Choisissez une demande dans la liste, ou rédigez-en une nouvelle.</translation>
    </message>
    <message>
        <source>Requests for Assistance</source>
        <translation>Demandes d&apos;assistance</translation>
    </message>
    <message>
        <source>{0} requests · {1}</source>
        <translation>{0} demandes · {1}</translation>
    </message>
    <message>
        <source>Save the request as PDF</source>
        <translation>Enregistrer la demande en PDF</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Enregistré&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Preview — {0}</source>
        <translation>Aperçu — {0}</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was sent.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être lancée&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {0}.</source>
        <translation>
            <numerusform>%n page envoyée à {0}.</numerusform>
            <numerusform>%n pages envoyées à {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>l&apos;imprimante</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV pour Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export the RFA log</source>
        <translation>Exporter le registre des RFA</translation>
    </message>
    <message>
        <source>Writing the RFA log…</source>
        <translation>Écriture du registre des RFA…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Log written to {0}</source>
        <translation>Registre écrit dans {0}</translation>
    </message>
</context>
<context>
    <name>RfaTable</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Needed until</source>
        <translation>Requis jusqu&apos;au</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Life-saving request</source>
        <translation>Demande vitale</translation>
    </message>
    <message>
        <source>Overdue: still open after the time it was needed by</source>
        <translation>En retard&#xa0;: toujours ouverte après l&apos;échéance du besoin</translation>
    </message>
    <message>
        <source>Overdue · {0}</source>
        <translation>En retard · {0}</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Moyens</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Enseignements</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>No results for “{0}” in this operation.</source>
        <translation>Aucun résultat pour «&#xa0;{0}&#xa0;» dans cette opération.</translation>
    </message>
</context>
<context>
    <name>SectionNotes</name>
    <message>
        <source>Your notes</source>
        <translation>Vos notes</translation>
    </message>
    <message>
        <source>Write a note on this section: who to call, what worked here, what to check next time. Notes are yours and go to HQ with your data.</source>
        <translation>Rédigez une note sur cette section&#xa0;: qui appeler, ce qui a fonctionné ici, quoi vérifier la prochaine fois. Les notes vous appartiennent et partent au siège avec vos données.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+S)</source>
        <translation>Enregistrer la note (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Start a new note on this section</source>
        <translation>Commencer une nouvelle note sur cette section</translation>
    </message>
    <message>
        <source>Delete the note being edited</source>
        <translation>Supprimer la note en cours de modification</translation>
    </message>
    <message>
        <source>Your notes on this section ({0})</source>
        <translation>Vos notes sur cette section ({0})</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistrée.</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Supprimer la note</translation>
    </message>
    <message>
        <source>Delete this note? This cannot be undone.</source>
        <translation>Supprimer cette note&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Pas encore enregistrée.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Handbook</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>Requests (RFA)</source>
        <translation>Demandes (RFA)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Moyens</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Enseignements</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <source>e.g. Tasked for RFA CYA-004; arrives Port Selvane Tuesday</source>
        <translation>ex. Tâche attribuée pour RFA CYA-004&#xa0;; arrive à Port Selvane mardi</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>Nouveau statut&#xa0;:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire&#xa0;:</translation>
    </message>
    <message>
        <source>Now: {status}</source>
        <translation>Actuel&#xa0;: {status}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Never synced yet.</source>
        <translation>Jamais synchronisé.</translation>
    </message>
    <message>
        <source>Last successful sync: {0}.</source>
        <translation>Dernière synchronisation réussie&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Synchronisation&#xa0;: pas encore configurée</translation>
    </message>
    <message>
        <source>Sync: in progress…</source>
        <translation>Synchronisation&#xa0;: en cours…</translation>
    </message>
    <message>
        <source>Sent {0}, received {1}.</source>
        <translation>Envoyés&#xa0;: {0}, reçus&#xa0;: {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve.</source>
        <translation>
            <numerusform>%n conflit à résoudre.</numerusform>
            <numerusform>%n conflits à résoudre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: this profile was erased on HQ&apos;s order</source>
        <translation>Synchronisation&#xa0;: ce profil a été effacé sur ordre du siège</translation>
    </message>
    <message>
        <source>Profile erased on HQ&apos;s order</source>
        <translation>Profil effacé sur ordre du siège</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflit à résoudre</numerusform>
            <numerusform>%n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) held by HQ</source>
        <translation>
            <numerusform>%n modification retenue par le siège</numerusform>
            <numerusform>%n modifications retenues par le siège</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from HQ not applied</source>
        <translation>
            <numerusform>%n ligne du siège non appliquée</numerusform>
            <numerusform>%n lignes du siège non appliquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; what was sent stays sent.</source>
        <translation>Synchronisation annulée&#xa0;; ce qui a été envoyé reste envoyé.</translation>
    </message>
    <message>
        <source>Sync: not set up yet, never synced</source>
        <translation>Synchronisation&#xa0;: pas encore configurée, jamais synchronisé</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>never synced yet</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation>Synchronisation&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync with HQ</source>
        <translation>Synchroniser avec le siège</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Held by HQ</source>
        <translation>Retenues par le siège</translation>
    </message>
    <message>
        <source>Not applied from HQ</source>
        <translation>Non appliquées (siège)</translation>
    </message>
    <message>
        <source>This laptop and HQ</source>
        <translation>Cet ordinateur et le siège</translation>
    </message>
    <message>
        <source>This address is plain http://, not https://: the enrollment code and this laptop&apos;s access token would cross the link readable by anyone on it (hotel Wi-Fi, a shared satellite terminal). Use https:// unless HQ told you otherwise.</source>
        <translation>Cette adresse est en http:// simple, pas en https://&#xa0;: le code d&apos;inscription et le jeton d&apos;accès de cet ordinateur circuleraient en clair, lisibles par toute personne sur la liaison (Wi-Fi d&apos;hôtel, terminal satellite partagé). Utilisez https:// sauf indication contraire du siège.</translation>
    </message>
    <message>
        <source>Enroll over plain http:// anyway</source>
        <translation>Inscrire quand même en http:// simple</translation>
    </message>
    <message>
        <source>one-time code from HQ</source>
        <translation>code à usage unique du siège</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>HQ address:</source>
        <translation>Adresse du siège&#xa0;:</translation>
    </message>
    <message>
        <source>Enrollment code:</source>
        <translation>Code d&apos;inscription&#xa0;:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sync automatically every few minutes when a link exists</source>
        <translation>Synchroniser automatiquement toutes les quelques minutes si une connexion existe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Keep HQ&apos;s</source>
        <translation>Garder celle du siège</translation>
    </message>
    <message>
        <source>Use my edit</source>
        <translation>Utiliser ma saisie</translation>
    </message>
    <message>
        <source>Mine (this laptop)</source>
        <translation>La mienne (cet ordinateur)</translation>
    </message>
    <message>
        <source>HQ&apos;s (in place until you decide)</source>
        <translation>Celle du siège (en place jusqu&apos;à votre décision)</translation>
    </message>
    <message>
        <source>Or write the value to keep</source>
        <translation>Ou saisissez la valeur à conserver</translation>
    </message>
    <message>
        <source>Past syncs</source>
        <translation>Synchronisations passées</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Data up / down</source>
        <translation>Données ↑ / ↓</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>in the system keyring</source>
        <translation>dans le trousseau du système</translation>
    </message>
    <message>
        <source>in the encrypted database (no system keyring was available)</source>
        <translation>dans la base de données chiffrée (aucun trousseau du système n&apos;était disponible)</translation>
    </message>
    <message>
        <source>Enrolled with {0} as {1}. The access token is kept {2}. To move this laptop to another HQ or officer, enroll again with a new code.</source>
        <translation>Inscrit auprès de {0} en tant que {1}. Le jeton d&apos;accès est conservé {2}. Pour rattacher cet ordinateur à un autre siège ou à un autre officier, inscrivez-le de nouveau avec un nouveau code.</translation>
    </message>
    <message>
        <source>Not enrolled yet. Ask HQ for an enrollment code, then enter HQ&apos;s address and the code. Until then everything stays on this laptop.</source>
        <translation>Pas encore inscrit. Demandez un code d&apos;inscription au siège, puis saisissez l&apos;adresse du siège et le code. D&apos;ici là, tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Last attempt failed: {0}</source>
        <translation>La dernière tentative a échoué&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>Rien en attente d&apos;envoi.</translation>
    </message>
    <message>
        <source>Waiting to be sent ({0}): {1}</source>
        <translation>En attente d&apos;envoi ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <source>No longer assigned to you at HQ: {0}. Their records stay readable on this laptop and no longer sync.</source>
        <translation>Opérations qui ne vous sont plus attribuées au siège&#xa0;: {0}. Leurs fiches restent lisibles sur cet ordinateur et ne se synchronisent plus.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</source>
        <translation>
            <numerusform>%n modification a été faite différemment ici et au siège. La valeur du siège s&apos;applique jusqu&apos;à votre décision&#xa0;; les deux sont affichées ci-dessous.</numerusform>
            <numerusform>%n modifications ont été faites différemment ici et au siège. La valeur du siège s&apos;applique jusqu&apos;à votre décision&#xa0;; les deux sont affichées ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>{0} · {1} held</source>
        <translation>{0} · {1} retenue(s)</translation>
    </message>
    <message>
        <source>Enter HQ&apos;s address, for example https://hq.example.org.</source>
        <translation>Saisissez l&apos;adresse du siège, par exemple https://hq.example.org.</translation>
    </message>
    <message>
        <source>Plain http:// is readable on the link: use https://, or tick the box below to enroll anyway.</source>
        <translation>Le http:// simple est lisible sur la liaison&#xa0;: utilisez https://, ou cochez la case ci-dessous pour inscrire cet ordinateur quand même.</translation>
    </message>
    <message>
        <source>Enter the one-time enrollment code HQ gave you.</source>
        <translation>Saisissez le code d&apos;inscription à usage unique que le siège vous a donné.</translation>
    </message>
    <message>
        <source>Contacting HQ…</source>
        <translation>Contact avec le siège…</translation>
    </message>
    <message>
        <source>Enrolled as {0}. The first sync brings your operations from HQ.</source>
        <translation>Inscrit en tant que {0}. La première synchronisation apporte vos opérations depuis le siège.</translation>
    </message>
    <message>
        <source>Connecting to HQ…</source>
        <translation>Connexion au siège…</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Asset status change</source>
        <translation>Changement de statut d&apos;un moyen</translation>
    </message>
    <message>
        <source>Request for assistance</source>
        <translation>Demande d&apos;assistance</translation>
    </message>
    <message>
        <source>RFA status change</source>
        <translation>Changement de statut d&apos;une RFA</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <source>Handbook note</source>
        <translation>Note du manuel</translation>
    </message>
    <message>
        <source>Handbook bookmark</source>
        <translation>Signet du manuel</translation>
    </message>
    <message>
        <source>Checklist tick</source>
        <translation>Case cochée d&apos;une liste de contrôle</translation>
    </message>
    <message>
        <source>Central Register entry</source>
        <translation>Entrée du Registre central</translation>
    </message>
    <message>
        <source>Correction proposed to the Central Register</source>
        <translation>Correction proposée au Registre central</translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <source>{0} left</source>
        <translation>Reste&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Full: {0} max</source>
        <translation>Plein&#xa0;: {0} max</translation>
    </message>
    <message>
        <source>{0} too many</source>
        <translation>{0} de trop</translation>
    </message>
    <message>
        <source>{0} characters: the most is {1}. Shorten it before saving; nothing has been cut.</source>
        <translation>{0} caractères&#xa0;: {1} au maximum. Raccourcissez le texte avant d&apos;enregistrer&#xa0;; rien n&apos;a été coupé.</translation>
    </message>
    <message>
        <source>The field holds at most {0} characters; what you type beyond is not taken.</source>
        <translation>Ce champ contient au plus {0} caractères&#xa0;; ce que vous saisissez au-delà n&apos;est pas pris en compte.</translation>
    </message>
    <message>
        <source>At most {0} characters.</source>
        <translation>{0} caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Say why (required).</source>
        <translation>Indiquez pourquoi (obligatoire).</translation>
    </message>
    <message>
        <source>Optional: e.g. validated at the HCT meeting of 12 March.</source>
        <translation>Facultatif&#xa0;: ex. validée à la réunion de l&apos;EHP du 12 mars.</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Commentaire&#xa0;:</translation>
    </message>
    <message>
        <source>— choose the asset tasked —</source>
        <translation>— choisir le moyen attribué —</translation>
    </message>
    <message>
        <source>Asset tasked:</source>
        <translation>Moyen attribué&#xa0;:</translation>
    </message>
    <message>
        <source>Propose the asset in the form first (Find matching assets), then record the tasking.</source>
        <translation>Proposez d&apos;abord le moyen dans le formulaire (Trouver des moyens adaptés), puis enregistrez l&apos;attribution.</translation>
    </message>
    <message>
        <source>Write a comment: the history must say why.</source>
        <translation>Rédigez un commentaire&#xa0;: l&apos;historique doit indiquer pourquoi.</translation>
    </message>
    <message>
        <source>Choose the asset that was tasked.</source>
        <translation>Choisissez le moyen attribué.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open your data</source>
        <translation>Ouvrir vos données</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clé de récupération :</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Utiliser plutôt la clé de récupération</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Your data on this laptop is encrypted, and this computer&apos;s keyring does not hold its key. No passphrase was set for it: only the recovery key can open it.</source>
        <translation>Vos données sur cet ordinateur sont chiffrées, et le trousseau de cet ordinateur n&apos;en détient pas la clé. Aucune phrase secrète n&apos;a été définie : seule la clé de récupération peut les ouvrir.</translation>
    </message>
    <message>
        <source>Type the recovery key you printed or saved when the data was encrypted.</source>
        <translation>Saisissez la clé de récupération imprimée ou enregistrée lors du chiffrement des données.</translation>
    </message>
    <message>
        <source>Your data on this laptop is encrypted. Type your passphrase to open it.</source>
        <translation>Vos données sur cet ordinateur sont chiffrées. Saisissez votre phrase secrète pour les ouvrir.</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Utiliser plutôt la phrase secrète</translation>
    </message>
</context>
<context>
    <name>_HeldPanel</name>
    <message>
        <source>Save to a file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Save every held change and every row from HQ not applied here as one JSON file, for HQ or for support.</source>
        <translation>Enregistrer toutes les modifications retenues et toutes les lignes du siège non appliquées ici dans un seul fichier JSON, pour le siège ou le support.</translation>
    </message>
    <message>
        <source>Save held changes</source>
        <translation>Enregistrer les modifications retenues</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Enregistré dans {0}.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV pour tableurs (*.csv)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
</context>
</TS>
