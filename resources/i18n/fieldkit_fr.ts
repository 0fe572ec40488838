<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>App</name>
    <message>
        <source>Cannot open your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file: {0}
Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome: enter your name and organisation to begin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDetailPanel</name>
    <message>
        <source>Choose an entry in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then press “Confirmed still true”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last confirmed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasked by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Edit asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 4.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. t, beds, m³/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the status changes (kept in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -19.83</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 34.84</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global entry (not only this operation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providing state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number, e.g. 4.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the contact from the list that appears as you type, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetsScreen</name>
    <message>
        <source>Filter by description, unit or place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providing state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed still true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (map)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset list (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as confirmed today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{name}” from the directory?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {skipped} skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} entries without coordinates left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export assets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetsTableModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then mark it confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <source>Choose a contact in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchecked number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number could not be checked; it is kept as typed. Click to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(asset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point of contact for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the person writes it, in any script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or acronym; a new one is added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One e-mail address a line (or several separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite (shown first on request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global contact (not only this operation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Type part of a name to find the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name to find the contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Filter by name, organisation, role, phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All organisation types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation and global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Favourites only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact sheet (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name}? The contact is removed from this laptop and, at the next sync, from HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New organisations: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {added} added, {merged} merged, {skipped} skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number of this contact could not be checked; it is kept as typed. Open the contact to correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinatesEdit</name>
    <message>
        <source>optional: latitude, longitude, e.g. -19.84, 34.84</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type latitude, then longitude, in decimal degrees, e.g. -19.84, 34.84.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude goes from -90 to 90 and longitude from -180 to 180.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong and the action was not completed. Your data is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Kit keeps the handbook, your operation&apos;s contacts, the asset directory, requests for assistance and lessons observed on this laptop, and works without a connection. Tell it who you are: your name and organisation go on every form you print and in every change you record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. OCHA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then start with the demo — a fictional cyclone response with contacts, assets, requests and lessons to try things on — or with an empty profile where you create your own operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the demo operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo loading cancelled; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit CMCoord Field Kit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Kit needs your name and organisation before it starts. Quit now and it will ask again next time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the welcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search everything  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>User guide — CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;The user guide is missing&lt;/h2&gt;&lt;p&gt;This copy of Field Kit was installed without its guide ({0}). Reinstall it, or ask HQ for the guide.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandbookOutput</name>
    <message>
        <source>Export chapter to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export handbook to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chapter or the whole handbook as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this section (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMCoord Field Handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handbook - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export handbook to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chapter to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF saved: {0} — &lt;a href=&quot;{1}&quot;&gt;open it&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print handbook section</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandbookScreen</name>
    <message>
        <source>Opening the handbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark this section (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this section (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section no longer in the handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section “{0}” is not in the current edition ({1}). Your notes on it are kept below: read them, copy what you need to another section, or delete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Handbook · edition {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checklist ticks are kept for the current operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose an operation to tick the checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This section is not translated yet: it is shown in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this link outside the Field Kit?

{0}

It needs an internet connection; the handbook itself works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklists are ticked per operation: create or choose an operation first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handbook is being loaded. It opens here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandbookSidePanel</name>
    <message>
        <source>Search the handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Try fewer or other words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not translated yet: shown in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookmarks yet. Use ☆ Bookmark (Ctrl+D) on a section to keep it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note&apos;s section was removed in a newer edition. The note is kept; open it to read, edit or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet. Open a section and write one under it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldChangesPanel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the hold: the change goes to HQ with the next sync (correct the record first if HQ found a value it cannot accept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the change contains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing held. Every change HQ receives is applied or shown as a conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ held {0} change(s); {1} later change(s) of the same records wait behind them. They stay on this laptop until you act; everything else keeps syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ held {0} change(s). They stay on this laptop until you act; everything else keeps syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: goes to HQ with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change to {0}? HQ will never receive it; the record on this laptop stays as it is now. Save it to a file first if you may need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded the change to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldRowsPanel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ keeps its copy. This laptop tries the row again at every sync (a newer version of the Field Kit may apply it). Discarding forgets it here only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} row(s) from HQ could not be applied on this laptop. Everything else was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing held. Every row from HQ was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot {0} on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} to add, {matches} already there, {rejected} rejected, {warnings} warnings. Nothing is written until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Because of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was changed or left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoding was guessed from the file. If names look wrong, pick the one it was saved in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{merge} all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the rows to {merge}; the others are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonForm</name>
    <message>
        <source>New lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line that says what was learnt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the exercise, when it is not an operation in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town, district, camp or HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date observed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who should act on it, e.g. CMCS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. validation, RC/HC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public: may be published in the lessons library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal: never published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the lesson on this laptop (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this lesson from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this lesson as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} characters: too long, the most is {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} characters ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1} characters minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: an exercise not in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted: it becomes read-only; demo data stays on this laptop and is never sent to Geneva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the lesson to Geneva for review: it becomes read-only on this laptop and travels with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(operation not listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted (demo).&lt;/b&gt; This practice lesson is read-only on this laptop. Demo data stays on this laptop: it is never sent to Geneva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned by HQ with a comment.&lt;/b&gt; Edit the lesson and submit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(HQ gave no comment.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted to Geneva.&lt;/b&gt; This lesson is read-only on this laptop; it travels with the next sync. If HQ returns it with a comment, you can edit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Validated by HQ.&lt;/b&gt; It can no longer be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Published in the lessons library.&lt;/b&gt; It can no longer be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo operation: this lesson stays on this laptop and is never sent to Geneva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted? It becomes read-only on this laptop. It belongs to the demo operation: demo data stays on this laptop and is never sent to Geneva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit to Geneva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit this lesson to Geneva? It becomes read-only on this laptop and travels with the next sync. HQ validates it, or returns it to you with a comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted, as practice: demo data stays on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted. It goes to Geneva with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: complete the marked parts of the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this lesson? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonsScreen</name>
    <message>
        <source>Lessons observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, text, keywords, place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To one PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To CSV (spreadsheet, HXL)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operations and exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises not in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lessons here yet: the form on the right starts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected lesson(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select lessons in the list first (Ctrl+A selects all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to PDF…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to CSV…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonsTable</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMCoord
Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current operation: create one from Operations ▸ New operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — CMCoord Field Kit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>This section has nothing to do that for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>Type a number, e.g. 4 or 2.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Edit operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Cyclone Mara response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 to 8 letters or digits, e.g. MARA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search the country list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the Humanitarian / Resident Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HC/RC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationSwitcher</name>
    <message>
        <source>No operation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current operation: every list shows its records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit current operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive current operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore archived operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived {0}. Restore it from Operations ▸ Restore archived operation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>{0} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneLine</name>
    <message>
        <source>e.g. {international}, or {national}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {international}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for {region}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number{where}; kept as typed, marked unchecked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the number, or write it with the country code (+…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RfaActions</name>
    <message>
        <source>Submit for validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record HC/RC validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass to military</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record tasking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RfaForm</name>
    <message>
        <source>Preview PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit (back to draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing a submitted or validated request sends it back to draft: it must be validated again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * must be filled in before the request can be submitted for validation; a draft may leave any field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Airlift of water purification units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requesting organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster / sector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability requested:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last resort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which civilian means were tried or considered (UNHAS, commercial carriers, the Logistics Cluster…), even if none exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why no civilian means can meet the need in time: military and civil defence assets are a last resort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique: nothing civilian can do this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civilian means tried:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must be done, for whom, with what (e.g. fly 4 t of water kits …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from and/or to: one of the two is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tonnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m³</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit, e.g. water bladders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threats, escorts, access, acceptance of uniformed personnel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else the validator or the military should know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (place):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (coordinates):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (place):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (coordinates):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passengers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cargo (tonnes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cargo (m³):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security considerations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed assets (tick the ones to propose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find matching assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assets of the requested capability available in the window: those whose capacity covers the quantities requested first, nearest first; each says why it fits or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is stored, and given its reference, when you first type something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasked asset: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No asset proposed yet: use “Find matching assets”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: no further steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first change sends this request back to draft; submit it again for validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request cannot go for validation yet: fix the fields marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is needed from a time already past. Say why (for example, recording support already given): it goes in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is now: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {0} asset in the directory is available in that window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the draft {0}? Its reference will not be given out again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RfaScreen</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (not closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log as CSV (Excel, HXL)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request in the list, or draft a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests for Assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} requests · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the request as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {0} page(s) to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the RFA log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the RFA log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RfaTable</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results for “{0}” in this operation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionNotes</name>
    <message>
        <source>Your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note on this section: who to call, what worked here, what to check next time. Notes are yours and go to HQ with your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new note on this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the note being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this section ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this note? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Handbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (RFA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Tasked for RFA CYA-004; arrives Port Selvane Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Never synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {0}, received {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} conflict(s) to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled; what was sent stays sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up yet, never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} conflict(s) to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} change(s) held by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} row(s) from HQ not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} change(s) waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop and HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is plain http://, not https://: the enrollment code and this laptop&apos;s access token would cross the link readable by anyone on it (hotel Wi-Fi, a shared satellite terminal). Use https:// unless HQ told you otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll over plain http:// anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time code from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync automatically every few minutes when a link exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep HQ&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine (this laptop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HQ&apos;s (in place until you decide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or write the value to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data up / down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in a file only you can read in the profile folder (no system keyring was available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled with {0} as {1}. The access token is kept {2}. To move this laptop to another HQ or officer, enroll again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled yet. Ask HQ for an enrollment code, then enter HQ&apos;s address and the code. Until then everything stays on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent ({0}): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer assigned to you at HQ: {0}. Their records stay readable on this laptop and no longer sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} change(s) were made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter HQ&apos;s address, for example https://hq.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is readable on the link: use https://, or tick the box below to enroll anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the one-time enrollment code HQ gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled as {0}. The first sync brings your operations from HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to HQ…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <source>{0} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full: {0} max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} characters: the most is {1}. Shorten it before saving; nothing has been cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field holds at most {0} characters; what you type beyond is not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Say why (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: e.g. validated at the HCT meeting of 12 March.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the asset tasked —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tasked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose the asset in the form first (Find matching assets), then record the tasking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment: the history must say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the asset that was tasked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_HeldPanel</name>
    <message>
        <source>Save to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every held change and every row from HQ not applied here as one JSON file, for HQ or for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save held changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
