<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>About</name>
    <message>
        <source>The full licence texts are in {folder}.</source>
        <translation>El texto completo de las licencias está en {folder}.</translation>
    </message>
    <message>
        <source>The UN-CMCoord officer&apos;s field kit: handbook, contacts, assets, requests for assistance and lessons, on this laptop, with or without a connection.</source>
        <translation>El kit de campo del oficial de UN-CMCoord: manual, contactos, medios, solicitudes de asistencia y lecciones, en este portátil, con o sin conexión.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your data folder:&lt;/b&gt; {folder}</source>
        <translation>&lt;b&gt;Su carpeta de datos:&lt;/b&gt; {folder}</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>Fuentes incluidas</translation>
    </message>
    <message>
        <source>Bundled libraries</source>
        <translation>Bibliotecas incluidas</translation>
    </message>
    <message>
        <source>Main libraries</source>
        <translation>Bibliotecas principales</translation>
    </message>
    <message>
        <source>see its package</source>
        <translation>consulte su paquete</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open your data</source>
        <translation>No se pueden abrir sus datos</translation>
    </message>
    <message>
        <source>Database file: {0}
Nothing was changed.</source>
        <translation>Archivo de base de datos: {0}
No se ha modificado nada.</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect your data.</source>
        <translation>Elija una frase de contraseña para proteger sus datos.</translation>
    </message>
    <message>
        <source>Encrypting your data…</source>
        <translation>Cifrando sus datos…</translation>
    </message>
    <message>
        <source>Encryption cancelled</source>
        <translation>Cifrado cancelado</translation>
    </message>
    <message>
        <source>Your data was not changed, and it is not encrypted yet. Field Kit will ask again when it next starts.</source>
        <translation>Sus datos no se modificaron y aún no están cifrados. Field Kit volverá a hacerlo en el próximo inicio.</translation>
    </message>
    <message>
        <source>Keep your recovery key.</source>
        <translation>Guarde su clave de recuperación.</translation>
    </message>
    <message>
        <source>Your data is encrypted: type your passphrase to open it.</source>
        <translation>Sus datos están cifrados: escriba su frase de contraseña para abrirlos.</translation>
    </message>
    <message>
        <source>Welcome: enter your name and organisation to begin.</source>
        <translation>Le damos la bienvenida: introduzca su nombre y su organización para empezar.</translation>
    </message>
</context>
<context>
    <name>AssetDetailPanel</name>
    <message>
        <source>Choose an entry in the list.</source>
        <translation>Elija una entrada de la lista.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historial de estados</translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then press “Confirmed still true”.</source>
        <translation>Sin confirmar desde hace 90 días: compruebe con el proveedor que esta entrada sigue vigente y pulse “Sigue vigente”.</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacidad:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponible:</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>siempre</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Last confirmed:</source>
        <translation>Última confirmación:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Punto de contacto:</translation>
    </message>
    <message>
        <source>Tasked by:</source>
        <translation>Asignado por:</translation>
    </message>
    <message>
        <source>Requested in:</source>
        <translation>Solicitado en:</translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation>Base de costos:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Edit asset</source>
        <translation>Editar medio</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>Nuevo medio</translation>
    </message>
    <message>
        <source>e.g. 4.5</source>
        <translation>p. ej. 4.5</translation>
    </message>
    <message>
        <source>e.g. t, beds, m³/day</source>
        <translation>p. ej. t, camas, m³/día</translation>
    </message>
    <message>
        <source>Why the status changes (kept in the history)</source>
        <translation>Por qué cambia el estado (queda en el historial)</translation>
    </message>
    <message>
        <source>e.g. -19.83</source>
        <translation>p. ej. -19.83</translation>
    </message>
    <message>
        <source>e.g. 34.84</source>
        <translation>p. ej. 34.84</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Global entry (not only this operation)</source>
        <translation>Entrada global (no solo esta operación)</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Providing state:</source>
        <translation>País proveedor:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacidad:</translation>
    </message>
    <message>
        <source>Capacity unit:</source>
        <translation>Unidad de capacidad:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Cantidad:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Status comment:</source>
        <translation>Comentario del estado:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>Latitud:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Longitud:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponible:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Punto de contacto:</translation>
    </message>
    <message>
        <source>Cost basis:</source>
        <translation>Base de costos:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Type a number, e.g. 4.5.</source>
        <translation>Escriba un número, p. ej. 4.5.</translation>
    </message>
    <message>
        <source>Pick the contact from the list that appears as you type, or clear the field.</source>
        <translation>Elija el contacto en la lista que aparece al escribir, o vacíe el campo.</translation>
    </message>
</context>
<context>
    <name>AssetsScreen</name>
    <message>
        <source>Filter by description, unit or place</source>
        <translation>Filtrar por descripción, unidad o lugar</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Providing state</source>
        <translation>País proveedor</translation>
    </message>
    <message>
        <source>Available on</source>
        <translation>Disponible el</translation>
    </message>
    <message>
        <source>Only entries to check</source>
        <translation>Solo por verificar</translation>
    </message>
    <message>
        <source>Assets not confirmed for 90 days, and register entries whose valid-until date has passed</source>
        <translation>Medios sin confirmar desde hace 90 días y entradas del registro cuya fecha de validez ha vencido</translation>
    </message>
    <message>
        <source>Which entries the list shows: the operation&apos;s assets, the Central Register&apos;s (kept at HQ), or both; retired register entries only when asked</source>
        <translation>Qué entradas muestra la lista: los medios de la operación, los del Registro Central (que mantiene la sede) o ambos; las entradas retiradas del registro solo si se piden</translation>
    </message>
    <message>
        <source>Show: all</source>
        <translation>Mostrar: todo</translation>
    </message>
    <message>
        <source>Show: operation&apos;s assets</source>
        <translation>Mostrar: medios de la operación</translation>
    </message>
    <message>
        <source>Show: Central Register</source>
        <translation>Mostrar: Registro Central</translation>
    </message>
    <message>
        <source>Show: Central Register, retired too</source>
        <translation>Mostrar: Registro con retiradas</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>Nuevo medio</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Cambiar estado…</translation>
    </message>
    <message>
        <source>Confirmed still true</source>
        <translation>Sigue vigente</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Propose a correction…</source>
        <translation>Proponer corrección…</translation>
    </message>
    <message>
        <source>The Central Register is kept at HQ: propose a correction of the chosen entry</source>
        <translation>El Registro Central lo mantiene la sede: proponga una corrección de la entrada elegida</translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation>CSV con fila HXL…</translation>
    </message>
    <message>
        <source>GeoJSON (map)…</source>
        <translation>GeoJSON (mapa)…</translation>
    </message>
    <message>
        <source>Asset list (PDF)…</source>
        <translation>Lista de medios (PDF)…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as confirmed today.</source>
        <translation>Marcado como confirmado hoy.</translation>
    </message>
    <message>
        <source>Delete asset</source>
        <translation>Eliminar medio</translation>
    </message>
    <message>
        <source>Delete “{name}” from the directory?</source>
        <translation>¿Eliminar “{name}” del directorio?</translation>
    </message>
    <message>
        <source>Proposal saved: it goes to HQ with the next sync.</source>
        <translation>Propuesta guardada: irá a la sede con la próxima sincronización.</translation>
    </message>
    <message>
        <source>Proposal withdrawn.</source>
        <translation>Propuesta retirada.</translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation>Importar medios</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation>línea {n} de este archivo</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Update all</source>
        <translation>Actualizar todo</translation>
    </message>
    <message>
        <source>Tick the rows to update; the others are skipped.</source>
        <translation>Marque las filas que desea actualizar; las demás se omiten.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {skipped} skipped.</source>
        <translation>Importación: {added} añadidos, {updated} actualizados, {skipped} omitidos.</translation>
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
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>({n} entries without coordinates left out)</source>
        <translation>(se omitieron {n} entradas sin coordenadas)</translation>
    </message>
    <message>
        <source>Export assets</source>
        <translation>Exportar medios</translation>
    </message>
</context>
<context>
    <name>AssetsTable</name>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Point of contact</source>
        <translation>Punto de contacto</translation>
    </message>
</context>
<context>
    <name>AssetsTableModel</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Not confirmed for 90 days: check with the provider that this entry is still true, then mark it confirmed.</source>
        <translation>Sin confirmar desde hace 90 días: compruebe con el proveedor que esta entrada sigue vigente y márquela como confirmada.</translation>
    </message>
</context>
<context>
    <name>ChoosePassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elegir una frase de contraseña</translation>
    </message>
    <message>
        <source>Field Kit runs from this folder or USB stick and keeps your data beside it, encrypted. A computer&apos;s keyring cannot follow the stick, so a passphrase of yours protects the data: you will type it each time Field Kit starts.</source>
        <translation>Field Kit se ejecuta desde esta carpeta o memoria USB y guarda sus datos junto a ella, cifrados. El llavero de un equipo no puede acompañar a la memoria, así que una frase de contraseña suya protege los datos: la escribirá cada vez que se inicie Field Kit.</translation>
    </message>
    <message>
        <source>Field Kit encrypts your data on this laptop. This computer has no keyring to keep the key, so a passphrase of yours protects it: you will type it each time Field Kit starts.</source>
        <translation>Field Kit cifra sus datos en este portátil. Este equipo no tiene un llavero para guardar la clave, así que la protege una frase de contraseña suya: la escribirá cada vez que se inicie Field Kit.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Confirme la frase de contraseña:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Definir la frase de contraseña</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type it again.</source>
        <translation>Las dos frases de contraseña no coinciden; escríbala otra vez.</translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <source>Choose a contact in the list.</source>
        <translation>Elija un contacto de la lista.</translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation>Haga clic para copiar</translation>
    </message>
    <message>
        <source>Global contact</source>
        <translation>Contacto global</translation>
    </message>
    <message>
        <source>unchecked number</source>
        <translation>número sin verificar</translation>
    </message>
    <message>
        <source>This number could not be checked; it is kept as typed. Click to copy.</source>
        <translation>No se pudo verificar este número; se conserva tal como se escribió. Haga clic para copiar.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo:</translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation>Indicativo de llamada:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Idiomas:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>(asset)</source>
        <translation>(medio)</translation>
    </message>
    <message>
        <source>Point of contact for:</source>
        <translation>Punto de contacto de:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>Satellite</source>
        <translation>Satélite</translation>
    </message>
    <message>
        <source>Radio / call sign</source>
        <translation>Radio / indicativo de llamada</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>As the person writes it, in any script</source>
        <translation>Tal como la persona lo escribe, en cualquier alfabeto</translation>
    </message>
    <message>
        <source>Type a name or acronym; a new one is added</source>
        <translation>Escriba un nombre o una sigla; si es nueva, se añade</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>Añadir teléfono</translation>
    </message>
    <message>
        <source>One e-mail address a line (or several separated by commas)</source>
        <translation>Una dirección de correo por línea (o varias separadas por comas)</translation>
    </message>
    <message>
        <source>Favourite (shown first on request)</source>
        <translation>Favorito (aparece primero cuando se pide)</translation>
    </message>
    <message>
        <source>Global contact (not only this operation)</source>
        <translation>Contacto global (no solo esta operación)</translation>
    </message>
    <message>
        <source>Given name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Family name:</source>
        <translation>Apellidos:</translation>
    </message>
    <message>
        <source>Name as written:</source>
        <translation>Nombre original:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Cargo:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Teléfonos:</translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation>Correos:</translation>
    </message>
    <message>
        <source>Call sign:</source>
        <translation>Indicativo de llamada:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Idiomas:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Type part of a name to find the contact</source>
        <translation>Escriba parte de un nombre para buscar el contacto</translation>
    </message>
    <message>
        <source>Type a name to find the contact</source>
        <translation>Escriba un nombre para buscar el contacto</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Filter by name, organisation, role, phone or e-mail</source>
        <translation>Filtrar por nombre, organización, cargo, teléfono o correo</translation>
    </message>
    <message>
        <source>All organisation types</source>
        <translation>Todos los tipos de organización</translation>
    </message>
    <message>
        <source>This operation and global</source>
        <translation>Esta operación y globales</translation>
    </message>
    <message>
        <source>This operation only</source>
        <translation>Solo esta operación</translation>
    </message>
    <message>
        <source>Global only</source>
        <translation>Solo globales</translation>
    </message>
    <message>
        <source>★ Favourites only</source>
        <translation>★ Solo favoritos</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favorito</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>vCard…</source>
        <translation>vCard…</translation>
    </message>
    <message>
        <source>CSV with HXL row…</source>
        <translation>CSV con fila HXL…</translation>
    </message>
    <message>
        <source>Contact sheet (PDF)…</source>
        <translation>Hoja de contactos (PDF)…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contacto</numerusform>
            <numerusform>%n contactos</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied {value}</source>
        <translation>Copiado: {value}</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Eliminar contacto</translation>
    </message>
    <message>
        <source>Delete {name}? The contact is removed from this laptop and, at the next sync, from HQ.</source>
        <translation>¿Eliminar a {name}? El contacto se quita de este portátil y, en la próxima sincronización, de la sede.</translation>
    </message>
    <message>
        <source>{name} deleted.</source>
        <translation>Se eliminó a {name}.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.txt);;All files (*)</source>
        <translation>Contactos (*.vcf *.vcard *.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>line {n} of this file</source>
        <translation>línea {n} de este archivo</translation>
    </message>
    <message>
        <source>New organisations: {names}</source>
        <translation>Organizaciones nuevas: {names}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Merge all</source>
        <translation>Fusionar todo</translation>
    </message>
    <message>
        <source>Tick the rows to merge; the others are skipped.</source>
        <translation>Marque las filas que desea fusionar; las demás se omiten.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {merged} merged, {skipped} skipped.</source>
        <translation>Importación: {added} añadidos, {merged} fusionados, {skipped} omitidos.</translation>
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
        <translation>Exportar contactos (un archivo sin protección: cualquiera que lo tenga puede leerlo)</translation>
    </message>
    <message>
        <source>Saved {path}. It is a plain file, readable by anyone who has it: keep it safe, and delete it when it is no longer needed.</source>
        <translation>Se guardó {path}. Es un archivo sin protección, legible por cualquiera que lo tenga: guárdelo en lugar seguro y elimínelo cuando ya no lo necesite.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Indicativo</translation>
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
        <translation>No se pudo verificar un número de este contacto; se conserva tal como se escribió. Abra el contacto para corregirlo.</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorito</translation>
    </message>
</context>
<context>
    <name>CoordinatesEdit</name>
    <message>
        <source>optional: latitude, longitude, e.g. -19.84, 34.84</source>
        <translation>opcional: latitud, longitud, p. ej. -19.84, 34.84</translation>
    </message>
    <message>
        <source>Type latitude, then longitude, in decimal degrees, e.g. -19.84, 34.84.</source>
        <translation>Escriba la latitud y luego la longitud, en grados decimales, p. ej. -19.84, 34.84.</translation>
    </message>
    <message>
        <source>Latitude goes from -90 to 90 and longitude from -180 to 180.</source>
        <translation>La latitud va de -90 a 90 y la longitud de -180 a 180.</translation>
    </message>
</context>
<context>
    <name>DirectoryTable</name>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>DirectoryTableModel</name>
    <message>
        <source>Central Register</source>
        <translation>Registro Central</translation>
    </message>
    <message>
        <source>{date} · valid-until passed</source>
        <translation>{date} · validez vencida</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>vigente hasta el {date}</translation>
    </message>
    <message>
        <source>ready in {hours} h</source>
        <translation>movilizable en {hours} h</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>An entry of this laptop&apos;s directory, for every operation</source>
        <translation>Una entrada del directorio de este portátil, para todas las operaciones</translation>
    </message>
    <message>
        <source>An asset of the operation&apos;s own directory</source>
        <translation>Un medio del directorio propio de la operación</translation>
    </message>
    <message>
        <source>An entry of the Central Register of MCDA, kept at HQ: read-only here; propose a correction if it is wrong.</source>
        <translation>Una entrada del Registro Central de MCDA, que mantiene la sede: aquí es de solo lectura; proponga una corrección si es incorrecta.</translation>
    </message>
    <message>
        <source>The offer&apos;s valid-until date has passed: HQ asks the provider to confirm it; check with them before relying on it.</source>
        <translation>La fecha de validez de la oferta ha vencido: la sede pide al proveedor que la confirme; compruébelo con él antes de contar con ella.</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>Encrypting your data</source>
        <translation>Cifrado de sus datos</translation>
    </message>
    <message>
        <source>This version of Field Kit keeps your data encrypted. Your data from an earlier version is being encrypted now, once; this takes a moment.</source>
        <translation>Esta versión de Field Kit guarda sus datos cifrados. Los datos de una versión anterior se están cifrando ahora, una sola vez; tarda un momento.</translation>
    </message>
    <message>
        <source>Encrypting your data…</source>
        <translation>Cifrando sus datos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong and the action was not completed. Your data is as it was before.</source>
        <translation>Algo salió mal y la acción no se completó. Sus datos están como antes.</translation>
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
        <translation>Buscar en esta sección</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Sin resultados</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CMCoord Field Kit</source>
        <translation>Le damos la bienvenida a CMCoord Field Kit</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Field Kit keeps the handbook, your operation&apos;s contacts, the asset directory, requests for assistance and lessons observed on this laptop, and works without a connection. Tell it who you are: your name and organisation go on every form you print and in every change you record.</source>
        <translation>Field Kit guarda en este portátil el manual, los contactos de su operación, el directorio de medios, las solicitudes de asistencia y las lecciones observadas, y funciona sin conexión. Indique quién es: su nombre y su organización figuran en cada formulario que imprima y en cada cambio que registre.</translation>
    </message>
    <message>
        <source>e.g. OCHA</source>
        <translation>p. ej. OCHA</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <source>Then start with the demo — a fictional cyclone response with contacts, assets, requests and lessons to try things on — or with an empty profile where you create your own operation.</source>
        <translation>Después, empiece con la demostración —una respuesta ficticia a un ciclón, con contactos, medios, solicitudes y lecciones para practicar— o con un perfil vacío en el que creará su propia operación.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Cargar demostración</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Empezar sin datos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Loading the demo operation…</source>
        <translation>Cargando la operación de demostración…</translation>
    </message>
    <message>
        <source>Demo loading cancelled; nothing was added.</source>
        <translation>Carga de la demostración cancelada; no se añadió nada.</translation>
    </message>
    <message>
        <source>Quit CMCoord Field Kit?</source>
        <translation>¿Salir de CMCoord Field Kit?</translation>
    </message>
    <message>
        <source>Field Kit needs your name and organisation before it starts. Quit now and it will ask again next time?</source>
        <translation>Field Kit necesita su nombre y su organización antes de iniciarse. ¿Salir ahora? Se los volverá a pedir la próxima vez.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Back to the welcome</source>
        <translation>Volver a la bienvenida</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search everything  (Ctrl+K)</source>
        <translation>Buscar en todo  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>Error en la búsqueda: {0}</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>User guide — CMCoord Field Kit</source>
        <translation>Guía del usuario — CMCoord Field Kit</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The user guide is missing&lt;/h2&gt;&lt;p&gt;This copy of Field Kit was installed without its guide ({0}). Reinstall it, or ask HQ for the guide.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Falta la guía del usuario&lt;/h2&gt;&lt;p&gt;Esta copia de Field Kit se instaló sin su guía ({0}). Vuelva a instalarla o pida la guía a la sede.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HandbookOutput</name>
    <message>
        <source>Export chapter to PDF…</source>
        <translation>Exportar capítulo a PDF…</translation>
    </message>
    <message>
        <source>Export handbook to PDF…</source>
        <translation>Exportar manual a PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>Save this chapter or the whole handbook as a PDF</source>
        <translation>Guardar este capítulo o todo el manual como PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print this section (Ctrl+P)</source>
        <translation>Imprimir esta sección (Ctrl+P)</translation>
    </message>
    <message>
        <source>CMCoord Field Handbook</source>
        <translation>Manual de campo de CMCoord</translation>
    </message>
    <message>
        <source>Handbook - {0}</source>
        <translation>Manual - {0}</translation>
    </message>
    <message>
        <source>Export handbook to PDF</source>
        <translation>Exportar manual a PDF</translation>
    </message>
    <message>
        <source>Export chapter to PDF</source>
        <translation>Exportar capítulo a PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>Preparando el PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Exportar a PDF</translation>
    </message>
    <message>
        <source>Laying out “{0}”…</source>
        <translation>Maquetando “{0}”…</translation>
    </message>
    <message>
        <source>PDF saved: {0} — &lt;a href=&quot;{1}&quot;&gt;open it&lt;/a&gt;</source>
        <translation>PDF guardado: {0} — &lt;a href=&quot;{1}&quot;&gt;abrirlo&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Print handbook section</source>
        <translation>Imprimir sección del manual</translation>
    </message>
</context>
<context>
    <name>HandbookScreen</name>
    <message>
        <source>Opening the handbook…</source>
        <translation>Abriendo el manual…</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Atrás (Alt+Left)</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Adelante ▶</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Adelante (Alt+Right)</translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation>☆ Marcador</translation>
    </message>
    <message>
        <source>Bookmark this section (Ctrl+D)</source>
        <translation>Añadir esta sección a marcadores (Ctrl+D)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Find in this section (Ctrl+F)</source>
        <translation>Buscar en esta sección (Ctrl+F)</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texto más pequeño (Ctrl+-)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>Texto más grande (Ctrl+=)</translation>
    </message>
    <message>
        <source>Section no longer in the handbook</source>
        <translation>La sección ya no está en el manual</translation>
    </message>
    <message>
        <source>The section “{0}” is not in the current edition ({1}). Your notes on it are kept below: read them, copy what you need to another section, or delete them.</source>
        <translation>La sección “{0}” no está en la edición actual ({1}). Sus notas sobre ella se conservan abajo: léalas, copie lo que necesite en otra sección o elimínelas.</translation>
    </message>
    <message>
        <source>Field Handbook · edition {0}</source>
        <translation>Manual de campo · edición {0}</translation>
    </message>
    <message>
        <source>checklist ticks are kept for the current operation</source>
        <translation>las marcas de las listas de verificación se guardan para la operación actual</translation>
    </message>
    <message>
        <source>choose an operation to tick the checklists</source>
        <translation>elija una operación para marcar las listas de verificación</translation>
    </message>
    <message>
        <source>This section is not translated yet: it is shown in English.</source>
        <translation>Esta sección aún no está traducida: se muestra en inglés.</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open this link outside the Field Kit?

{0}

It needs an internet connection; the handbook itself works offline.</source>
        <translation>¿Abrir este enlace fuera de Field Kit?

{0}

Necesita conexión a internet; el manual en sí funciona sin conexión.</translation>
    </message>
    <message>
        <source>Checklists are ticked per operation: create or choose an operation first.</source>
        <translation>Las listas de verificación se marcan por operación: primero cree o elija una operación.</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ En marcadores</translation>
    </message>
    <message>
        <source>The handbook is being loaded. It opens here in a moment.</source>
        <translation>El manual se está cargando. Se abrirá aquí en un momento.</translation>
    </message>
</context>
<context>
    <name>HandbookSidePanel</name>
    <message>
        <source>Search the handbook</source>
        <translation>Buscar en el manual</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>Quitar marcador</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>(English)</source>
        <translation>(inglés)</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) found</source>
        <translation>
            <numerusform>%n sección encontrada</numerusform>
            <numerusform>%n secciones encontradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Try fewer or other words.</source>
        <translation>No se encontró nada para “{0}”. Pruebe con menos palabras o con otras.</translation>
    </message>
    <message>
        <source>{0} (English)</source>
        <translation>{0} (inglés)</translation>
    </message>
    <message>
        <source>Not translated yet: shown in English.</source>
        <translation>Aún sin traducir: se muestra en inglés.</translation>
    </message>
    <message>
        <source>No bookmarks yet. Use ☆ Bookmark (Ctrl+D) on a section to keep it here.</source>
        <translation>Aún no hay marcadores. Use ☆ Marcador (Ctrl+D) en una sección para guardarla aquí.</translation>
    </message>
    <message>
        <source>This note&apos;s section was removed in a newer edition. The note is kept; open it to read, edit or delete it.</source>
        <translation>La sección de esta nota se eliminó en una edición más reciente. La nota se conserva; ábrala para leerla, editarla o eliminarla.</translation>
    </message>
    <message>
        <source>No notes yet. Open a section and write one under it.</source>
        <translation>Aún no hay notas. Abra una sección y escriba una debajo.</translation>
    </message>
</context>
<context>
    <name>HeldChangesPanel</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>Retenido desde</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Lift the hold: the change goes to HQ with the next sync (correct the record first if HQ found a value it cannot accept).</source>
        <translation>Levantar la retención: el cambio se envía a la sede con la próxima sincronización (corrija antes el registro si la sede encontró un valor que no puede aceptar).</translation>
    </message>
    <message>
        <source>Discard change…</source>
        <translation>Descartar cambio…</translation>
    </message>
    <message>
        <source>What the change contains:</source>
        <translation>Contenido del cambio:</translation>
    </message>
    <message>
        <source>Nothing held. Every change HQ receives is applied or shown as a conflict.</source>
        <translation>Nada retenido. Cada cambio que recibe la sede se aplica o se muestra como conflicto.</translation>
    </message>
    <message numerus="yes">
        <source>HQ held %n change(s).</source>
        <translation>
            <numerusform>La sede retuvo %n cambio.</numerusform>
            <numerusform>La sede retuvo %n cambios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) of the same records wait behind them.</source>
        <translation>
            <numerusform>%n cambio posterior de los mismos registros espera detrás de ellos.</numerusform>
            <numerusform>%n cambios posteriores de los mismos registros esperan detrás de ellos.</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay on this laptop until you act; everything else keeps syncing.</source>
        <translation>Permanecen en este portátil hasta que usted actúe; todo lo demás sigue sincronizándose.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>{0}: goes to HQ with the next sync.</source>
        <translation>{0}: se envía a la sede con la próxima sincronización.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Descartar cambio</translation>
    </message>
    <message>
        <source>Discard this change to {0}? HQ will never receive it; the record on this laptop stays as it is now. Save it to a file first if you may need it.</source>
        <translation>¿Descartar este cambio en {0}? La sede nunca lo recibirá; el registro de este portátil queda como está ahora. Si puede necesitarlo, guárdelo antes en un archivo.</translation>
    </message>
    <message>
        <source>Discarded the change to {0}.</source>
        <translation>Se descartó el cambio en {0}.</translation>
    </message>
</context>
<context>
    <name>HeldRowsPanel</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>HQ keeps its copy. This laptop tries the row again at every sync (a newer version of the Field Kit may apply it). Discarding forgets it here only.</source>
        <translation>La sede conserva su copia. Este portátil vuelve a intentar aplicar la fila en cada sincronización (una versión más reciente de Field Kit puede aplicarla). Descartarla solo la olvida aquí.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from HQ could not be applied on this laptop. Everything else was applied.</source>
        <translation>
            <numerusform>%n fila de la sede no pudo aplicarse en este portátil. Todo lo demás se aplicó.</numerusform>
            <numerusform>%n filas de la sede no pudieron aplicarse en este portátil. Todo lo demás se aplicó.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing held. Every row from HQ was applied.</source>
        <translation>Nada retenido. Todas las filas de la sede se aplicaron.</translation>
    </message>
    <message>
        <source>Forgot {0} on this laptop.</source>
        <translation>Se olvidó {0} en este portátil.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About CMCoord Field Kit</source>
        <translation>Acerca de CMCoord Field Kit</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Enter the lock passphrase to go on.</source>
        <translation>Escriba la frase de contraseña de bloqueo para continuar.</translation>
    </message>
    <message>
        <source>Type your name as recorded in this profile to go on.</source>
        <translation>Escriba su nombre tal como figura en este perfil para continuar.</translation>
    </message>
    <message>
        <source>That is not the lock passphrase. Try again.</source>
        <translation>Esa no es la frase de contraseña de bloqueo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Still reading the profile; try again in a moment.</source>
        <translation>Todavía se está leyendo el perfil; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Field Kit is locked.</source>
        <translation>Field Kit está bloqueado.</translation>
    </message>
    <message>
        <source>Enter your passphrase to go on.</source>
        <translation>Escriba su frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>A passphrase makes this lock stronger: set one in View ▸ Set passphrase…</source>
        <translation>Una frase de contraseña refuerza este bloqueo: defina una en Ver ▸ Definir la frase de contraseña…</translation>
    </message>
    <message>
        <source>That is not this profile&apos;s passphrase. Try again.</source>
        <translation>Esa no es la frase de contraseña de este perfil. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>That is not the name recorded in this profile. Try again.</source>
        <translation>Ese no es el nombre que figura en este perfil. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Vista previa de la importación</translation>
    </message>
    <message>
        <source>{added} to add, {matches} already there, {rejected} rejected, {warnings} warnings. Nothing is written until you press Import.</source>
        <translation>{added} por añadir, {matches} ya existentes, {rejected} rechazados, {warnings} advertencias. No se escribe nada hasta que pulse Importar.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Will be added</source>
        <translation>Se añadirá</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Opción</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincide con</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Coincide por</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Por qué se omite</translation>
    </message>
    <message>
        <source>What was changed or left out</source>
        <translation>Qué se cambió u omitió</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation>Nuevos ({n})</translation>
    </message>
    <message>
        <source>Already there ({n})</source>
        <translation>Ya existentes ({n})</translation>
    </message>
    <message>
        <source>Rejected ({n})</source>
        <translation>Rechazados ({n})</translation>
    </message>
    <message>
        <source>Warnings ({n})</source>
        <translation>Advertencias ({n})</translation>
    </message>
    <message>
        <source>Columns ({n})</source>
        <translation>Columnas ({n})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>The encoding was guessed from the file. If names look wrong, pick the one it was saved in:</source>
        <translation>La codificación se dedujo del archivo. Si los nombres se ven mal, elija la codificación con la que se guardó:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Leer como:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Pasa a ser</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Omitir todas</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>La importación falló; no se importó nada.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>LessonForm</name>
    <message>
        <source>New lesson</source>
        <translation>Nueva lección</translation>
    </message>
    <message>
        <source>One line that says what was learnt</source>
        <translation>Una línea que diga lo que se aprendió</translation>
    </message>
    <message>
        <source>Name of the exercise, when it is not an operation in the app</source>
        <translation>Nombre del ejercicio, cuando no es una operación de la aplicación</translation>
    </message>
    <message>
        <source>Town, district, camp or HQ</source>
        <translation>Ciudad, distrito, campamento o sede</translation>
    </message>
    <message>
        <source>Choose a topic…</source>
        <translation>Elija un tema…</translation>
    </message>
    <message>
        <source>The language the lesson is written in; the lessons library can be filtered by it</source>
        <translation>El idioma en que está redactada la lección; la biblioteca de lecciones puede filtrarse por él</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Date observed:</source>
        <translation>Fecha de observación:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operación:</translation>
    </message>
    <message>
        <source>Exercise:</source>
        <translation>Ejercicio:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Who should act on it, e.g. CMCS</source>
        <translation>Quién debe actuar al respecto, p. ej. CMCS</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. validation, RC/HC</source>
        <translation>Separadas por comas, p. ej. validación, CH/CR</translation>
    </message>
    <message>
        <source>Public: may be published in the lessons library</source>
        <translation>Pública: puede publicarse en la biblioteca de lecciones</translation>
    </message>
    <message>
        <source>Internal: never published</source>
        <translation>Interna: nunca se publica</translation>
    </message>
    <message>
        <source>Suggested owner:</source>
        <translation>Responsable sugerido:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Palabras clave:</translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation>Sensibilidad:</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Keep the lesson on this laptop (Ctrl+S)</source>
        <translation>Guardar la lección en este portátil (Ctrl+S)</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>Presentar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete this lesson from this laptop</source>
        <translation>Eliminar esta lección de este portátil</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save this lesson as a PDF file</source>
        <translation>Guardar esta lección como archivo PDF</translation>
    </message>
    <message>
        <source>Written in:</source>
        <translation>Redactada en:</translation>
    </message>
    <message>
        <source>{0} characters: too long, the most is {1}</source>
        <translation>{0} caracteres: demasiado largo, el máximo es {1}</translation>
    </message>
    <message>
        <source>{0} characters ✓</source>
        <translation>{0} caracteres ✓</translation>
    </message>
    <message>
        <source>{0} / {1} characters minimum</source>
        <translation>{0} / {1} caracteres como mínimo</translation>
    </message>
    <message>
        <source>None: an exercise not in the app</source>
        <translation>Ninguna: un ejercicio que no está en la aplicación</translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted: it becomes read-only; demo data stays on this laptop and is never sent to Geneva</source>
        <translation>Marcar esta lección de práctica como presentada: pasa a ser de solo lectura; los datos de demostración permanecen en este portátil y nunca se envían a Ginebra</translation>
    </message>
    <message>
        <source>Send the lesson to Geneva for review: it becomes read-only on this laptop and travels with the next sync</source>
        <translation>Enviar la lección a Ginebra para su revisión: pasa a ser de solo lectura en este portátil y se envía con la próxima sincronización</translation>
    </message>
    <message>
        <source>(operation not listed)</source>
        <translation>(operación no incluida en la lista)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted (demo).&lt;/b&gt; This practice lesson is read-only on this laptop. Demo data stays on this laptop: it is never sent to Geneva.</source>
        <translation>&lt;b&gt;Presentada (demostración).&lt;/b&gt; Esta lección de práctica es de solo lectura en este portátil. Los datos de demostración permanecen en este portátil: nunca se envían a Ginebra.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned by HQ with a comment.&lt;/b&gt; Edit the lesson and submit it again.</source>
        <translation>&lt;b&gt;Devuelta por la sede con un comentario.&lt;/b&gt; Edite la lección y preséntela de nuevo.</translation>
    </message>
    <message>
        <source>(HQ gave no comment.)</source>
        <translation>(La sede no dejó ningún comentario.)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Submitted to Geneva.&lt;/b&gt; This lesson is read-only on this laptop; it travels with the next sync. If HQ returns it with a comment, you can edit it again.</source>
        <translation>&lt;b&gt;Presentada a Ginebra.&lt;/b&gt; Esta lección es de solo lectura en este portátil; se envía con la próxima sincronización. Si la sede la devuelve con un comentario, podrá editarla de nuevo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validated by HQ.&lt;/b&gt; It can no longer be changed here.</source>
        <translation>&lt;b&gt;Validada por la sede.&lt;/b&gt; Ya no se puede modificar aquí.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Published in the lessons library.&lt;/b&gt; It can no longer be changed here.</source>
        <translation>&lt;b&gt;Publicada en la biblioteca de lecciones.&lt;/b&gt; Ya no se puede modificar aquí.</translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation>Comentario de la sede: {0}</translation>
    </message>
    <message>
        <source>Demo operation: this lesson stays on this laptop and is never sent to Geneva.</source>
        <translation>Operación de demostración: esta lección permanece en este portátil y nunca se envía a Ginebra.</translation>
    </message>
    <message>
        <source>Submit (demo)</source>
        <translation>Presentar (demo)</translation>
    </message>
    <message>
        <source>Mark this practice lesson submitted? It becomes read-only on this laptop. It belongs to the demo operation: demo data stays on this laptop and is never sent to Geneva.</source>
        <translation>¿Marcar esta lección de práctica como presentada? Pasará a ser de solo lectura en este portátil. Pertenece a la operación de demostración: los datos de demostración permanecen en este portátil y nunca se envían a Ginebra.</translation>
    </message>
    <message>
        <source>Submit to Geneva</source>
        <translation>Presentar a Ginebra</translation>
    </message>
    <message>
        <source>Submit this lesson to Geneva? It becomes read-only on this laptop and travels with the next sync. HQ validates it, or returns it to you with a comment.</source>
        <translation>¿Presentar esta lección a Ginebra? Pasará a ser de solo lectura en este portátil y se enviará con la próxima sincronización. La sede la valida o se la devuelve con un comentario.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Draft saved on this laptop.</source>
        <translation>Borrador guardado en este portátil.</translation>
    </message>
    <message>
        <source>Submitted, as practice: demo data stays on this laptop.</source>
        <translation>Presentada como práctica: los datos de demostración permanecen en este portátil.</translation>
    </message>
    <message>
        <source>Submitted. It goes to Geneva with the next sync.</source>
        <translation>Presentada. Se enviará a Ginebra con la próxima sincronización.</translation>
    </message>
    <message>
        <source>Not submitted: complete the marked parts of the template.</source>
        <translation>No presentada: complete las partes marcadas de la plantilla.</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>Sin guardar: corrija los campos marcados.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>Delete this lesson? This cannot be undone.</source>
        <translation>¿Eliminar esta lección? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Generando el PDF…</translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation>Guardado en &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>LessonsScreen</name>
    <message>
        <source>Lessons observed</source>
        <translation>Lecciones observadas</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nueva lección</translation>
    </message>
    <message>
        <source>Search title, text, keywords, place…</source>
        <translation>Buscar en título, texto, palabras clave, lugar…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Cualquier tema</translation>
    </message>
    <message>
        <source>Export selected</source>
        <translation>Exportar selección</translation>
    </message>
    <message>
        <source>To one PDF…</source>
        <translation>En un solo PDF…</translation>
    </message>
    <message>
        <source>To CSV (spreadsheet, HXL)…</source>
        <translation>En CSV (hoja de cálculo, HXL)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>All operations and exercises</source>
        <translation>Todas las operaciones y ejercicios</translation>
    </message>
    <message>
        <source>Exercises not in the app</source>
        <translation>Ejercicios fuera de la aplicación</translation>
    </message>
    <message>
        <source>No lessons here yet: the form on the right starts one.</source>
        <translation>Aún no hay lecciones: el formulario de la derecha crea una.</translation>
    </message>
    <message>
        <source>No lesson matches these filters.</source>
        <translation>Ninguna lección coincide con estos filtros.</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lección</numerusform>
            <numerusform>%n lecciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>Lección sin guardar</translation>
    </message>
    <message>
        <source>This lesson has changes that are not saved. Discard them?</source>
        <translation>Esta lección tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected lesson(s)</source>
        <translation>
            <numerusform>Exportar %n lección seleccionada</numerusform>
            <numerusform>Exportar las %n lecciones seleccionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Select lessons in the list first (Ctrl+A selects all)</source>
        <translation>Primero seleccione lecciones en la lista (Ctrl+A selecciona todas)</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to PDF…</source>
        <translation>
            <numerusform>Exportando %n lección a PDF…</numerusform>
            <numerusform>Exportando %n lecciones a PDF…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n lesson(s) to CSV…</source>
        <translation>
            <numerusform>Exportando %n lección a CSV…</numerusform>
            <numerusform>Exportando %n lecciones a CSV…</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</source>
        <translation>Guardado en &lt;a href=&quot;{0}&quot;&gt;{1}&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>The export was not saved: {0}</source>
        <translation>No se guardó la exportación: {0}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportación cancelada.</translation>
    </message>
</context>
<context>
    <name>LessonsTable</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observada</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelta</translation>
    </message>
    <message>
        <source>Returned by HQ</source>
        <translation>Devuelta por la sede</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validada</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Pública</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interna</translation>
    </message>
    <message>
        <source>HQ comment: {0}</source>
        <translation>Comentario de la sede: {0}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>Leyendo {path}…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Importación cancelada: no se importó nada.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Field Kit is locked</source>
        <translation>Field Kit está bloqueado</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
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
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Profile: {0}</source>
        <translation>Perfil: {0}</translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Sincronización: aún no configurada</translation>
    </message>
    <message>
        <source>The {0} screen could not be opened. Your data is as it was before; choose {0} again to try once more.</source>
        <translation>No se pudo abrir la pantalla {0}. Sus datos siguen como estaban; elija {0} de nuevo para volver a intentarlo.</translation>
    </message>
    <message>
        <source>{0} could not be opened: choose it again to retry.</source>
        <translation>No se pudo abrir {0}: elíjalo de nuevo para reintentar.</translation>
    </message>
    <message>
        <source>Choose a section on the left.</source>
        <translation>Elija una sección a la izquierda.</translation>
    </message>
    <message>
        <source>A form here holds changes that are not saved yet. Save or discard them and choose the language again, or it will apply when Field Kit next starts.</source>
        <translation>Un formulario de esta pantalla tiene cambios sin guardar. Guárdelos o descártelos y vuelva a elegir el idioma; si no, se aplicará la próxima vez que se inicie Field Kit.</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear después de</translation>
    </message>
    <message>
        <source>Lock Field Kit after this many minutes without input (0: never):</source>
        <translation>Bloquear Field Kit tras estos minutos sin actividad (0: nunca):</translation>
    </message>
    <message>
        <source>No current operation: create one from Operations ▸ New operation</source>
        <translation>Ninguna operación actual: cree una en Operaciones ▸ Nueva operación</translation>
    </message>
    <message>
        <source>Operation: {0}</source>
        <translation>Operación: {0}</translation>
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
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New item in this section</source>
        <translation>&amp;Nuevo elemento en esta sección</translation>
    </message>
    <message>
        <source>&amp;Import into this section…</source>
        <translation>&amp;Importar en esta sección…</translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation>&amp;Operación</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Search everything</source>
        <translation>&amp;Buscar en todo</translation>
    </message>
    <message>
        <source>&amp;Filter this list / find in the handbook</source>
        <translation>&amp;Filtrar esta lista / buscar en el manual</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>Lock &amp;now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Set &amp;passphrase…</source>
        <translation>Definir la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Lock &amp;after…</source>
        <translation>Bloquear &amp;después de…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About CMCoord Field Kit</source>
        <translation>A&amp;cerca de CMCoord Field Kit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>This section has nothing to do that for.</source>
        <translation>Esta sección no permite esa acción.</translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>Type a number, e.g. 4 or 2.5.</source>
        <translation>Escriba un número, p. ej. 4 o 2.5.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Escriba un número entero.</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Edit operation</source>
        <translation>Editar operación</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Nueva operación</translation>
    </message>
    <message>
        <source>e.g. Cyclone Mara response</source>
        <translation>p. ej. Respuesta al ciclón Mara</translation>
    </message>
    <message>
        <source>2 to 8 letters or digits, e.g. MARA</source>
        <translation>De 2 a 8 letras o cifras, p. ej. MARA</translation>
    </message>
    <message>
        <source>Type to search the country list</source>
        <translation>Escriba para buscar en la lista de países</translation>
    </message>
    <message>
        <source>Name of the Humanitarian / Resident Coordinator</source>
        <translation>Nombre del Coordinador Humanitario / Residente</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Definir</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Short code:</source>
        <translation>Código corto:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>País:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>HC/RC:</source>
        <translation>CH/CR:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Fecha de inicio:</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Fecha de fin:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona horaria:</translation>
    </message>
</context>
<context>
    <name>OperationSwitcher</name>
    <message>
        <source>No operation yet</source>
        <translation>Ninguna operación aún</translation>
    </message>
    <message>
        <source>The current operation: every list shows its records</source>
        <translation>La operación actual: todas las listas muestran sus registros</translation>
    </message>
    <message>
        <source>New operation…</source>
        <translation>Nueva operación…</translation>
    </message>
    <message>
        <source>Edit current operation…</source>
        <translation>Editar operación actual…</translation>
    </message>
    <message>
        <source>Archive current operation</source>
        <translation>Archivar operación actual</translation>
    </message>
    <message>
        <source>Restore archived operation</source>
        <translation>Restaurar operación archivada</translation>
    </message>
    <message>
        <source>Operations ▾</source>
        <translation>Operaciones ▾</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operación:</translation>
    </message>
    <message>
        <source>Archived {0}. Restore it from Operations ▸ Restore archived operation.</source>
        <translation>Se archivó {0}. Restáurela desde Operaciones ▸ Restaurar operación archivada.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Set passphrase</source>
        <translation>Definir la frase de contraseña</translation>
    </message>
    <message>
        <source>This passphrase unlocks Field Kit after it has locked itself, and opens your encrypted data when the system keyring cannot. Only a key derived from it is kept; forgotten, it cannot be recovered, but your recovery key still opens the data.</source>
        <translation>Esta frase de contraseña desbloquea Field Kit cuando se ha bloqueado, y abre sus datos cifrados cuando el llavero del sistema no puede. Solo se guarda una clave derivada de ella: si la olvida, no se puede recuperar, pero su clave de recuperación sigue abriendo los datos.</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Frase de contraseña actual:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>New passphrase again:</source>
        <translation>Repita la nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>Still reading the profile; try again in a moment.</source>
        <translation>Todavía se está leyendo el perfil; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La frase de contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>Las dos nuevas frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
</context>
<context>
    <name>PhoneLine</name>
    <message>
        <source>e.g. {international}, or {national}</source>
        <translation>p. ej. {international} o {national}</translation>
    </message>
    <message>
        <source>e.g. {international}</source>
        <translation>p. ej. {international}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source> for {region}</source>
        <translation> para {region}</translation>
    </message>
    <message>
        <source>Not a valid phone number{where}; kept as typed, marked unchecked.</source>
        <translation>Número de teléfono no válido{where}; se conserva tal como se escribió, marcado como sin verificar.</translation>
    </message>
    <message>
        <source>Check the number, or write it with the country code (+…).</source>
        <translation>Verifique el número o escríbalo con el prefijo del país (+…).</translation>
    </message>
</context>
<context>
    <name>ProposalCard</name>
    <message>
        <source>Not sent yet: goes to HQ with the next sync</source>
        <translation>Aún no enviada: irá a la sede con la próxima sincronización</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>HQ: “{answer}”</source>
        <translation>Sede: “{answer}”</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Take back this proposal: HQ has not answered it yet</source>
        <translation>Retirar esta propuesta: la sede aún no la ha respondido</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Propose a correction — {entry}</source>
        <translation>Proponer una corrección — {entry}</translation>
    </message>
    <message>
        <source>The Central Register is kept at HQ. Change what is wrong and say how you know in the comment; HQ&apos;s registry staff accept or reject the proposal. It goes to HQ with the next sync, and their answer shows in the entry&apos;s panel.</source>
        <translation>El Registro Central lo mantiene la sede. Cambie lo que sea incorrecto e indique en el comentario cómo lo sabe; el equipo del registro en la sede acepta o rechaza la propuesta. Irá a la sede con la próxima sincronización, y la respuesta aparecerá en el panel de la entrada.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>En el registro</translation>
    </message>
    <message>
        <source>Your correction</source>
        <translation>Su corrección</translation>
    </message>
    <message>
        <source>How you know, e.g. “Confirmed by phone with the unit&apos;s liaison officer on 3 December: one aircraft is in maintenance.”</source>
        <translation>Cómo lo sabe, p. ej. “Confirmado por teléfono con el oficial de enlace de la unidad el 3 de diciembre: una aeronave está en mantenimiento.”</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation>Guardar la propuesta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty for no end date</source>
        <translation>AAAA-MM-DD, o vacío para ninguna fecha de fin</translation>
    </message>
    <message>
        <source>&lt;b&gt;{field}&lt;/b&gt; (changed)</source>
        <translation>&lt;b&gt;{field}&lt;/b&gt; (modificado)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>This recovery key opens your data if the passphrase is forgotten or the system keyring is lost. Keep it on paper or a USB stick, away from the laptop.</source>
        <translation>Esta clave de recuperación abre sus datos si olvida la frase de contraseña o se pierde el llavero del sistema. Guárdela en papel o en una memoria USB, lejos del portátil.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save writes a plain file (PDF or text) for a USB stick you keep away from the laptop, not on it.</source>
        <translation>Guardar escribe un archivo sin cifrar (PDF o texto) para una memoria USB que guarde lejos del portátil, no en él.</translation>
    </message>
    <message>
        <source>I have kept the recovery key</source>
        <translation>He guardado la clave de recuperación</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Sent to {0}.</source>
        <translation>Enviado a {0}.</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was sent.</source>
        <translation>No se pudo iniciar la impresora; no se envió nada.</translation>
    </message>
    <message>
        <source>Save the recovery key (a plain file: keep it away from the laptop)</source>
        <translation>Guardar la clave de recuperación (archivo sin cifrar: guárdelo lejos del portátil)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Text file (*.txt)</source>
        <translation>Documento PDF (*.pdf);;Archivo de texto (*.txt)</translation>
    </message>
    <message>
        <source>Saved to {0}. Move it off this laptop.</source>
        <translation>Guardado en {0}. Sáquelo de este portátil.</translation>
    </message>
    <message>
        <source>Continue without the recovery key?</source>
        <translation>¿Continuar sin la clave de recuperación?</translation>
    </message>
    <message>
        <source>Without the recovery key, a forgotten passphrase or a lost keyring means your data is lost for good.</source>
        <translation>Sin la clave de recuperación, una frase de contraseña olvidada o un llavero perdido significa que sus datos se pierden para siempre.</translation>
    </message>
    <message>
        <source>Continue without it</source>
        <translation>Continuar sin ella</translation>
    </message>
    <message>
        <source>Back to the key</source>
        <translation>Volver a la clave</translation>
    </message>
</context>
<context>
    <name>RegisterDetailPanel</name>
    <message>
        <source>Central Register entry, kept at HQ: it cannot be changed here. If something is wrong, press “Propose a correction…”: HQ&apos;s registry staff accept or reject it, and their answer shows below after a sync.</source>
        <translation>Entrada del Registro Central, que mantiene la sede: no se puede cambiar aquí. Si algo es incorrecto, pulse “Proponer una corrección…”: el equipo del registro en la sede la acepta o la rechaza, y su respuesta aparece abajo tras una sincronización.</translation>
    </message>
    <message>
        <source>Your proposed corrections</source>
        <translation>Sus propuestas de corrección</translation>
    </message>
    <message>
        <source>Valid-until passed ({date}): HQ asks the provider to confirm the offer. Check with the point of contact before relying on it.</source>
        <translation>Validez vencida ({date}): la sede pide al proveedor que confirme la oferta. Compruébelo con el punto de contacto antes de contar con ella.</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacidad:</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>Ready to move in:</source>
        <translation>Movilizable en:</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>Deploys in:</source>
        <translation>Plazo de despliegue:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Vigente hasta:</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sin fecha de fin</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Condiciones:</translation>
    </message>
    <message>
        <source>Point of contact:</source>
        <translation>Punto de contacto:</translation>
    </message>
    <message>
        <source>Register version:</source>
        <translation>Versión en el registro:</translation>
    </message>
</context>
<context>
    <name>Release</name>
    <message>
        <source>Version {version} is available: download it from {address}</source>
        <translation>La versión {version} está disponible: descárguela desde {address}</translation>
    </message>
    <message>
        <source>(this is version {installed}).</source>
        <translation>(versión instalada: {installed}).</translation>
    </message>
</context>
<context>
    <name>RfaActions</name>
    <message>
        <source>Submit for validation</source>
        <translation>Presentar para validación</translation>
    </message>
    <message>
        <source>Record HC/RC validation</source>
        <translation>Registrar validación del CH/CR</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>Devolver para cambios</translation>
    </message>
    <message>
        <source>Pass to military</source>
        <translation>Transmitir a los militares</translation>
    </message>
    <message>
        <source>Record tasking…</source>
        <translation>Registrar asignación…</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marcar completada</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancelar solicitud</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Volver a borrador</translation>
    </message>
</context>
<context>
    <name>RfaForm</name>
    <message>
        <source>Preview PDF</source>
        <translation>Vista previa PDF</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Language of the PDF and the printout</source>
        <translation>Idioma del PDF y de la impresión</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Paso siguiente:</translation>
    </message>
    <message>
        <source>Edit (back to draft)</source>
        <translation>Editar (vuelve a borrador)</translation>
    </message>
    <message>
        <source>Changing a submitted or validated request sends it back to draft: it must be validated again.</source>
        <translation>Modificar una solicitud presentada o validada la devuelve a borrador: deberá validarse de nuevo.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>Fields marked * must be filled in before the request can be submitted for validation; a draft may leave any field empty.</source>
        <translation>Los campos marcados con * deben completarse antes de presentar la solicitud para validación; un borrador puede dejar cualquier campo vacío.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>e.g. Airlift of water purification units</source>
        <translation>p. ej. Transporte aéreo de unidades de potabilización de agua</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Requesting organisation:</source>
        <translation>Organización solicitante:</translation>
    </message>
    <message>
        <source>Cluster / sector:</source>
        <translation>Clúster / sector:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Persona de contacto:</translation>
    </message>
    <message>
        <source>Capability requested:</source>
        <translation>Capacidad solicitada:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioridad:</translation>
    </message>
    <message>
        <source>Last resort</source>
        <translation>Último recurso</translation>
    </message>
    <message>
        <source>Which civilian means were tried or considered (UNHAS, commercial carriers, the Logistics Cluster…), even if none exist.</source>
        <translation>Qué medios civiles se intentaron o se consideraron (UNHAS, transportistas comerciales, el Clúster de Logística…), aunque no exista ninguno.</translation>
    </message>
    <message>
        <source>Why no civilian means can meet the need in time: military and civil defence assets are a last resort.</source>
        <translation>Por qué ningún medio civil puede cubrir la necesidad a tiempo: los medios militares y de defensa civil son un último recurso.</translation>
    </message>
    <message>
        <source>Unique: nothing civilian can do this task</source>
        <translation>Único: ningún medio civil puede realizar esta tarea</translation>
    </message>
    <message>
        <source>Civilian means tried:</source>
        <translation>Medios civiles intentados:</translation>
    </message>
    <message>
        <source>Justification:</source>
        <translation>Justificación:</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>What must be done, for whom, with what (e.g. fly 4 t of water kits …).</source>
        <translation>Qué debe hacerse, para quién y con qué (p. ej. transportar por aire 4 t de kits de agua …).</translation>
    </message>
    <message>
        <source>from and/or to: one of the two is enough</source>
        <translation>desde y/o hasta: basta con uno de los dos</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Definir</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>tonnes</source>
        <translation>toneladas</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>unit, e.g. water bladders</source>
        <translation>unidad, p. ej. tanques flexibles de agua</translation>
    </message>
    <message>
        <source>Threats, escorts, access, acceptance of uniformed personnel…</source>
        <translation>Amenazas, escoltas, acceso, aceptación de personal uniformado…</translation>
    </message>
    <message>
        <source>Anything else the validator or the military should know.</source>
        <translation>Cualquier otra cosa que el validador o los militares deban saber.</translation>
    </message>
    <message>
        <source>Task description:</source>
        <translation>Descripción de la tarea:</translation>
    </message>
    <message>
        <source>From (place):</source>
        <translation>Desde (lugar):</translation>
    </message>
    <message>
        <source>From (coordinates):</source>
        <translation>Desde (coordenadas):</translation>
    </message>
    <message>
        <source>To (place):</source>
        <translation>Hasta (lugar):</translation>
    </message>
    <message>
        <source>To (coordinates):</source>
        <translation>Hasta (coordenadas):</translation>
    </message>
    <message>
        <source>Required from:</source>
        <translation>Necesaria desde:</translation>
    </message>
    <message>
        <source>Required until:</source>
        <translation>Necesaria hasta:</translation>
    </message>
    <message>
        <source>Passengers:</source>
        <translation>Pasajeros:</translation>
    </message>
    <message>
        <source>Cargo (tonnes):</source>
        <translation>Carga (toneladas):</translation>
    </message>
    <message>
        <source>Cargo (m³):</source>
        <translation>Carga (m³):</translation>
    </message>
    <message>
        <source>Other quantity:</source>
        <translation>Otra cantidad:</translation>
    </message>
    <message>
        <source>Security considerations:</source>
        <translation>Consideraciones de seguridad:</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>Observaciones:</translation>
    </message>
    <message>
        <source>Proposed assets (tick the ones to propose)</source>
        <translation>Medios propuestos (marque los que desea proponer)</translation>
    </message>
    <message>
        <source>Find matching assets</source>
        <translation>Buscar medios adecuados</translation>
    </message>
    <message>
        <source>Assets of the requested capability available in the window: those whose capacity covers the quantities requested first, nearest first; each says why it fits or not.</source>
        <translation>Medios de la capacidad solicitada disponibles en el periodo: primero los que cubren las cantidades solicitadas, y los más cercanos primero; cada uno indica por qué conviene o no.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historial de estados</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún sin guardar</translation>
    </message>
    <message>
        <source>The request is stored, and given its reference, when you first type something.</source>
        <translation>La solicitud se guarda, y recibe su referencia, cuando escribe algo por primera vez.</translation>
    </message>
    <message>
        <source>Tasked asset: {0}</source>
        <translation>Medio asignado: {0}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>No asset proposed yet: use “Find matching assets”.</source>
        <translation>Aún no se ha propuesto ningún medio: use “Buscar medios adecuados”.</translation>
    </message>
    <message>
        <source>Closed: no further steps.</source>
        <translation>Cerrada: no hay más pasos.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>When ({0})</source>
        <translation>Fecha ({0})</translation>
    </message>
    <message>
        <source>Your first change sends this request back to draft; submit it again for validation.</source>
        <translation>Su primer cambio devuelve esta solicitud a borrador; vuelva a presentarla para validación.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Borrador guardado</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>The request cannot go for validation yet: fix the fields marked below.</source>
        <translation>La solicitud aún no puede pasar a validación: corrija los campos marcados abajo.</translation>
    </message>
    <message>
        <source>The request is needed from a time already past. Say why (for example, recording support already given): it goes in the history.</source>
        <translation>La solicitud se necesita desde un momento ya pasado. Indique por qué (por ejemplo, para registrar un apoyo ya prestado): quedará en el historial.</translation>
    </message>
    <message>
        <source>new request</source>
        <translation>nueva solicitud</translation>
    </message>
    <message>
        <source>The request is now: {0}.</source>
        <translation>Estado de la solicitud: {0}.</translation>
    </message>
    <message>
        <source>No {0} asset in the directory is available in that window.</source>
        <translation>Ningún medio de tipo {0} del directorio está disponible en ese periodo.</translation>
    </message>
    <message>
        <source>Delete the draft {0}? Its reference will not be given out again.</source>
        <translation>¿Eliminar el borrador {0}? Su referencia no volverá a asignarse.</translation>
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
        <translation>PDF, Carta EE. UU. (*.pdf)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Open (not closed)</source>
        <translation>Abiertas (no cerradas)</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Todas las prioridades</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>Todos los clústeres</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Todas las capacidades</translation>
    </message>
    <message>
        <source>Search requests…</source>
        <translation>Buscar solicitudes…</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Exportar registro</translation>
    </message>
    <message>
        <source>Log as PDF…</source>
        <translation>Registro en PDF…</translation>
    </message>
    <message>
        <source>Log as CSV (Excel, HXL)…</source>
        <translation>Registro en CSV (Excel, HXL)…</translation>
    </message>
    <message>
        <source>Choose a request in the list, or draft a new one.</source>
        <translation>Elija una solicitud de la lista o redacte una nueva.</translation>
    </message>
    <message>
        <source>Requests for Assistance</source>
        <translation>Solicitudes de asistencia</translation>
    </message>
    <message>
        <source>{0} requests · {1}</source>
        <translation>{0} solicitudes · {1}</translation>
    </message>
    <message>
        <source>Save the request as PDF</source>
        <translation>Guardar la solicitud como PDF</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
    <message>
        <source>Preview — {0}</source>
        <translation>Vista previa — {0}</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was sent.</source>
        <translation>No se pudo iniciar la impresora; no se envió nada.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {0}.</source>
        <translation>
            <numerusform>Se envió %n página a {0}.</numerusform>
            <numerusform>Se enviaron %n páginas a {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>la impresora</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV para Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export the RFA log</source>
        <translation>Exportar el registro de RFA</translation>
    </message>
    <message>
        <source>Writing the RFA log…</source>
        <translation>Escribiendo el registro de RFA…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Log written to {0}</source>
        <translation>Registro escrito en {0}</translation>
    </message>
</context>
<context>
    <name>RfaTable</name>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Needed until</source>
        <translation>Necesaria hasta</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Life-saving request</source>
        <translation>Solicitud de salvamento de vidas</translation>
    </message>
    <message>
        <source>Overdue: still open after the time it was needed by</source>
        <translation>Vencida: sigue abierta después de la fecha en que se necesitaba</translation>
    </message>
    <message>
        <source>Overdue · {0}</source>
        <translation>Vencida · {0}</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Medios</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>No results for “{0}” in this operation.</source>
        <translation>No hay resultados para “{0}” en esta operación.</translation>
    </message>
</context>
<context>
    <name>SectionNotes</name>
    <message>
        <source>Your notes</source>
        <translation>Sus notas</translation>
    </message>
    <message>
        <source>Write a note on this section: who to call, what worked here, what to check next time. Notes are yours and go to HQ with your data.</source>
        <translation>Escriba una nota sobre esta sección: a quién llamar, qué funcionó aquí, qué comprobar la próxima vez. Las notas son suyas y se envían a la sede con sus datos.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+S)</source>
        <translation>Guardar la nota (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Start a new note on this section</source>
        <translation>Empezar una nota nueva sobre esta sección</translation>
    </message>
    <message>
        <source>Delete the note being edited</source>
        <translation>Eliminar la nota en edición</translation>
    </message>
    <message>
        <source>Your notes on this section ({0})</source>
        <translation>Sus notas sobre esta sección ({0})</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
    <message>
        <source>Delete this note? This cannot be undone.</source>
        <translation>¿Eliminar esta nota? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Aún sin guardar.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Handbook</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Requests (RFA)</source>
        <translation>Solicitudes (RFA)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Medios</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>e.g. Tasked for RFA CYA-004; arrives Port Selvane Tuesday</source>
        <translation>p. ej. Asignado a la RFA CYA-004; llega a Port Selvane el martes</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>Nuevo estado:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Now: {status}</source>
        <translation>Ahora: {status}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Never synced yet.</source>
        <translation>Aún no se ha sincronizado.</translation>
    </message>
    <message>
        <source>Last successful sync: {0}.</source>
        <translation>Última sincronización correcta: {0}.</translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Sincronización: aún no configurada</translation>
    </message>
    <message>
        <source>Sync: in progress…</source>
        <translation>Sincronización: en curso…</translation>
    </message>
    <message>
        <source>Sent {0}, received {1}.</source>
        <translation>Enviados: {0}; recibidos: {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve.</source>
        <translation>
            <numerusform>%n conflicto por resolver.</numerusform>
            <numerusform>%n conflictos por resolver.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: this profile was erased on HQ&apos;s order</source>
        <translation>Sincronización: este perfil se borró por orden de la sede</translation>
    </message>
    <message>
        <source>Profile erased on HQ&apos;s order</source>
        <translation>Perfil borrado por orden de la sede</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflicto por resolver</numerusform>
            <numerusform>%n conflictos por resolver</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) held by HQ</source>
        <translation>
            <numerusform>%n cambio retenido por la sede</numerusform>
            <numerusform>%n cambios retenidos por la sede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from HQ not applied</source>
        <translation>
            <numerusform>%n fila de la sede sin aplicar</numerusform>
            <numerusform>%n filas de la sede sin aplicar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n cambio en espera</numerusform>
            <numerusform>%n cambios en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; what was sent stays sent.</source>
        <translation>Sincronización cancelada; lo ya enviado queda enviado.</translation>
    </message>
    <message>
        <source>Sync: not set up yet, never synced</source>
        <translation>Sincronización: aún no configurada, nunca sincronizado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>never synced yet</source>
        <translation>aún no sincronizado</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation>Sincronización: {0}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync with HQ</source>
        <translation>Sincronizar con la sede</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Held by HQ</source>
        <translation>Retenidos por la sede</translation>
    </message>
    <message>
        <source>Not applied from HQ</source>
        <translation>No aplicados desde la sede</translation>
    </message>
    <message>
        <source>This laptop and HQ</source>
        <translation>Este portátil y la sede</translation>
    </message>
    <message>
        <source>This address is plain http://, not https://: the enrollment code and this laptop&apos;s access token would cross the link readable by anyone on it (hotel Wi-Fi, a shared satellite terminal). Use https:// unless HQ told you otherwise.</source>
        <translation>Esta dirección usa http:// simple, no https://: el código de inscripción y el token de acceso de este portátil cruzarían el enlace legibles para cualquiera conectado a él (wifi de hotel, terminal satelital compartido). Use https:// salvo que la sede le indique otra cosa.</translation>
    </message>
    <message>
        <source>Enroll over plain http:// anyway</source>
        <translation>Inscribir igualmente por http:// simple</translation>
    </message>
    <message>
        <source>one-time code from HQ</source>
        <translation>código de un solo uso de la sede</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>HQ address:</source>
        <translation>Dirección de la sede:</translation>
    </message>
    <message>
        <source>Enrollment code:</source>
        <translation>Código de inscripción:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sync automatically every few minutes when a link exists</source>
        <translation>Sincronizar automáticamente cada pocos minutos cuando haya conexión</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar el mío</translation>
    </message>
    <message>
        <source>Keep HQ&apos;s</source>
        <translation>Conservar el de la sede</translation>
    </message>
    <message>
        <source>Use my edit</source>
        <translation>Usar mi edición</translation>
    </message>
    <message>
        <source>Mine (this laptop)</source>
        <translation>Mío (este portátil)</translation>
    </message>
    <message>
        <source>HQ&apos;s (in place until you decide)</source>
        <translation>De la sede (vigente hasta que decida)</translation>
    </message>
    <message>
        <source>Or write the value to keep</source>
        <translation>O escriba el valor que desea conservar</translation>
    </message>
    <message>
        <source>Past syncs</source>
        <translation>Sincronizaciones previas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibidos</translation>
    </message>
    <message>
        <source>Data up / down</source>
        <translation>Datos env. / rec.</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>in the system keyring</source>
        <translation>en el llavero del sistema</translation>
    </message>
    <message>
        <source>in the encrypted database (no system keyring was available)</source>
        <translation>en la base de datos cifrada (no había un llavero del sistema disponible)</translation>
    </message>
    <message>
        <source>Enrolled with {0} as {1}. The access token is kept {2}. To move this laptop to another HQ or officer, enroll again with a new code.</source>
        <translation>Inscrito en {0} como {1}. El token de acceso se guarda {2}. Para trasladar este portátil a otra sede u otro oficial, vuelva a inscribirlo con un código nuevo.</translation>
    </message>
    <message>
        <source>Not enrolled yet. Ask HQ for an enrollment code, then enter HQ&apos;s address and the code. Until then everything stays on this laptop.</source>
        <translation>Aún no inscrito. Pida a la sede un código de inscripción y, después, introduzca la dirección de la sede y el código. Hasta entonces, todo permanece en este portátil.</translation>
    </message>
    <message>
        <source>Last attempt failed: {0}</source>
        <translation>El último intento falló: {0}</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>Nada pendiente de envío.</translation>
    </message>
    <message>
        <source>Waiting to be sent ({0}): {1}</source>
        <translation>Pendiente de envío ({0}): {1}</translation>
    </message>
    <message>
        <source>No longer assigned to you at HQ: {0}. Their records stay readable on this laptop and no longer sync.</source>
        <translation>Ya no asignadas a usted en la sede: {0}. Sus registros siguen legibles en este portátil y ya no se sincronizan.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made differently here and at HQ. HQ&apos;s value is in place until you decide; both are shown below.</source>
        <translation>
            <numerusform>%n cambio se hizo de forma distinta aquí y en la sede. El valor de la sede se aplica hasta que usted decida; ambos se muestran abajo.</numerusform>
            <numerusform>%n cambios se hicieron de forma distinta aquí y en la sede. El valor de la sede se aplica hasta que usted decida; ambos se muestran abajo.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>No hay conflictos.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>{0} · {1} held</source>
        <translation>{0} · {1} retenidos</translation>
    </message>
    <message>
        <source>Enter HQ&apos;s address, for example https://hq.example.org.</source>
        <translation>Introduzca la dirección de la sede, por ejemplo https://hq.example.org.</translation>
    </message>
    <message>
        <source>Plain http:// is readable on the link: use https://, or tick the box below to enroll anyway.</source>
        <translation>El http:// simple es legible en el enlace: use https:// o marque la casilla de abajo para inscribir igualmente.</translation>
    </message>
    <message>
        <source>Enter the one-time enrollment code HQ gave you.</source>
        <translation>Introduzca el código de inscripción de un solo uso que le dio la sede.</translation>
    </message>
    <message>
        <source>Contacting HQ…</source>
        <translation>Contactando con la sede…</translation>
    </message>
    <message>
        <source>Enrolled as {0}. The first sync brings your operations from HQ.</source>
        <translation>Inscrito como {0}. La primera sincronización trae sus operaciones desde la sede.</translation>
    </message>
    <message>
        <source>Connecting to HQ…</source>
        <translation>Conectando con la sede…</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Asset status change</source>
        <translation>Cambio de estado de un medio</translation>
    </message>
    <message>
        <source>Request for assistance</source>
        <translation>Solicitud de asistencia</translation>
    </message>
    <message>
        <source>RFA status change</source>
        <translation>Cambio de estado de una RFA</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <source>Handbook note</source>
        <translation>Nota del manual</translation>
    </message>
    <message>
        <source>Handbook bookmark</source>
        <translation>Marcador del manual</translation>
    </message>
    <message>
        <source>Checklist tick</source>
        <translation>Casilla marcada de una lista de verificación</translation>
    </message>
    <message>
        <source>Central Register entry</source>
        <translation>Entrada del Registro Central</translation>
    </message>
    <message>
        <source>Correction proposed to the Central Register</source>
        <translation>Corrección propuesta al Registro Central</translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <source>{0} left</source>
        <translation>Quedan {0}</translation>
    </message>
    <message>
        <source>Full: {0} max</source>
        <translation>Lleno: {0} máx.</translation>
    </message>
    <message>
        <source>{0} too many</source>
        <translation>{0} de más</translation>
    </message>
    <message>
        <source>{0} characters: the most is {1}. Shorten it before saving; nothing has been cut.</source>
        <translation>{0} caracteres: el máximo es {1}. Acórtelo antes de guardar; no se ha cortado nada.</translation>
    </message>
    <message>
        <source>The field holds at most {0} characters; what you type beyond is not taken.</source>
        <translation>El campo admite como máximo {0} caracteres; lo que escriba de más no se tiene en cuenta.</translation>
    </message>
    <message>
        <source>At most {0} characters.</source>
        <translation>Como máximo {0} caracteres.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Say why (required).</source>
        <translation>Indique el motivo (obligatorio).</translation>
    </message>
    <message>
        <source>Optional: e.g. validated at the HCT meeting of 12 March.</source>
        <translation>Opcional: p. ej. validada en la reunión del EHP del 12 de marzo.</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>— choose the asset tasked —</source>
        <translation>— elija el medio asignado —</translation>
    </message>
    <message>
        <source>Asset tasked:</source>
        <translation>Medio asignado:</translation>
    </message>
    <message>
        <source>Propose the asset in the form first (Find matching assets), then record the tasking.</source>
        <translation>Primero proponga el medio en el formulario (Buscar medios adecuados) y luego registre la asignación.</translation>
    </message>
    <message>
        <source>Write a comment: the history must say why.</source>
        <translation>Escriba un comentario: el historial debe indicar el motivo.</translation>
    </message>
    <message>
        <source>Choose the asset that was tasked.</source>
        <translation>Elija el medio que se asignó.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open your data</source>
        <translation>Abrir sus datos</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clave de recuperación:</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Your data on this laptop is encrypted, and this computer&apos;s keyring does not hold its key. No passphrase was set for it: only the recovery key can open it.</source>
        <translation>Sus datos en este portátil están cifrados y el llavero de este equipo no tiene su clave. No se definió ninguna frase de contraseña: solo la clave de recuperación puede abrirlos.</translation>
    </message>
    <message>
        <source>Type the recovery key you printed or saved when the data was encrypted.</source>
        <translation>Escriba la clave de recuperación que imprimió o guardó cuando se cifraron los datos.</translation>
    </message>
    <message>
        <source>Your data on this laptop is encrypted. Type your passphrase to open it.</source>
        <translation>Sus datos en este portátil están cifrados. Escriba su frase de contraseña para abrirlos.</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Usar la frase de contraseña</translation>
    </message>
</context>
<context>
    <name>_HeldPanel</name>
    <message>
        <source>Save to a file…</source>
        <translation>Guardar en un archivo…</translation>
    </message>
    <message>
        <source>Save every held change and every row from HQ not applied here as one JSON file, for HQ or for support.</source>
        <translation>Guardar todos los cambios retenidos y todas las filas de la sede no aplicadas aquí en un solo archivo JSON, para la sede o para soporte.</translation>
    </message>
    <message>
        <source>Save held changes</source>
        <translation>Guardar cambios retenidos</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Guardado en {0}.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV para hojas de cálculo (*.csv)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
</context>
</TS>
