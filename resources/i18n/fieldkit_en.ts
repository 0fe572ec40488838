<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssetsScreen</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandbookSidePanel</name>
    <message numerus="yes">
        <source>%n section(s) found</source>
        <translation>
            <numerusform>%n section found</numerusform>
            <numerusform>%n sections found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeldChangesPanel</name>
    <message numerus="yes">
        <source>HQ held %n change(s).</source>
        <translation>
            <numerusform>HQ held %n change.</numerusform>
            <numerusform>HQ held %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) of the same records wait behind them.</source>
        <translation>
            <numerusform>%n later change of the same records waits behind it.</numerusform>
            <numerusform>%n later changes of the same records wait behind them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeldRowsPanel</name>
    <message numerus="yes">
        <source>%n row(s) from HQ could not be applied on this laptop. Everything else was applied.</source>
        <translation>
            <numerusform>%n row from HQ could not be applied on this laptop. Everything else was applied.</numerusform>
            <numerusform>%n rows from HQ could not be applied on this laptop. Everything else was applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonsScreen</name>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lesson</numerusform>
            <numerusform>%n lessons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected lesson(s)</source>
        <translation>
            <numerusform>Export the %n selected lesson</numerusform>
            <numerusform>Export the %n selected lessons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to PDF…</source>
        <translation>
            <numerusform>Writing %n lesson to PDF…</numerusform>
            <numerusform>Writing %n lessons to PDF…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to CSV…</source>
        <translation>
            <numerusform>Writing %n lesson to CSV…</numerusform>
            <numerusform>Writing %n lessons to CSV…</numerusform>
        </translation>
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
</context>
<context>
    <name>RfaScreen</name>
    <message numerus="yes">
        <source>Sent %n page(s) to {0}.</source>
        <translation>
            <numerusform>Sent %n page to {0}.</numerusform>
            <numerusform>Sent %n pages to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <source>%n conflict(s) to resolve.</source>
        <translation>
            <numerusform>%n conflict to resolve.</numerusform>
            <numerusform>%n conflicts to resolve.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) held by HQ</source>
        <translation>
            <numerusform>%n change held by HQ</numerusform>
            <numerusform>%n changes held by HQ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from HQ not applied</source>
        <translation>
            <numerusform>%n row from HQ not applied</numerusform>
            <numerusform>%n rows from HQ not applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message numerus="yes">
        <source>%n change(s) were made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</source>
        <translation>
            <numerusform>%n change was made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</numerusform>
            <numerusform>%n changes were made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</numerusform>
        </translation>
    </message>
</context>
</TS>
