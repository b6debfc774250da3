<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgendaWindow</name>
    <message numerus="yes">
        <source>{date}  ·  %n case(s)</source>
        <translation>
            <numerusform>{date}  ·  %n case</numerusform>
            <numerusform>{date}  ·  %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) on the agenda; {decided} with a decision.</source>
        <translation>
            <numerusform>%n case on the agenda; {decided} with a decision.</numerusform>
            <numerusform>%n cases on the agenda; {decided} with a decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the files already exist in {folder} ({names}). Replace them?</source>
        <translation>
            <numerusform>%n of the files already exists in {folder} ({names}). Replace it?</numerusform>
            <numerusform>%n of the files already exist in {folder} ({names}). Replace them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to {folder}</source>
        <translation>
            <numerusform>%n PDF written to {folder}</numerusform>
            <numerusform>%n PDFs written to {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message numerus="yes">
        <source>{count} case(s)</source>
        <translation>
            <numerusform>{count} case</numerusform>
            <numerusform>{count} cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Export the %n case(s) of this board as:</source>
        <translation>
            <numerusform>Export the %n case of this board as:</numerusform>
            <numerusform>Export the %n cases of this board as:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlineText</name>
    <message numerus="yes">
        <source>Contraindication(s) to resolve first: {names}</source>
        <translation>
            <numerusform>Contraindication to resolve first: {names}</numerusform>
            <numerusform>Contraindications to resolve first: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>caution(s): {names}</source>
        <translation>
            <numerusform>caution: {names}</numerusform>
            <numerusform>cautions: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of 6 factors favour(s) adding TARE, {neutral} neutral, {against} against</source>
        <translation>
            <numerusform>%n of 6 factors favours adding TARE, {neutral} neutral, {against} against</numerusform>
            <numerusform>%n of 6 factors favour adding TARE, {neutral} neutral, {against} against</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence gap(s)</source>
        <translation>
            <numerusform>%n evidence gap</numerusform>
            <numerusform>%n evidence gaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Added %n fictional demo case(s): pick one in the list.</source>
        <translation>
            <numerusform>Added %n fictional demo case: pick one in the list.</numerusform>
            <numerusform>Added %n fictional demo cases: pick one in the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n case(s) from {path}.</source>
        <translation>
            <numerusform>Imported %n case from {path}.</numerusform>
            <numerusform>Imported %n cases from {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n case(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n case to {path}.</numerusform>
            <numerusform>Exported %n cases to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database is healthy: %n case(s), schema version {version}.</source>
        <translation>
            <numerusform>The database is healthy: %n case, schema version {version}.</numerusform>
            <numerusform>The database is healthy: %n cases, schema version {version}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message numerus="yes">
        <source>{date} ({day}) · %n case(s)</source>
        <translation>
            <numerusform>{date} ({day}) · %n case</numerusform>
            <numerusform>{date} ({day}) · %n cases</numerusform>
        </translation>
    </message>
</context>
</TS>
