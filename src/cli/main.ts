import { Command } from 'commander';
import { ConfigError, readConfig as readEnvironment, type Config } from '../server/config.ts';
// Each command's code is imported when it runs: `serve` then starts the embedded database's process
// before the server's code is read (main.ts), rather than after every command's.
import { serveCommand } from './serve-command.ts';

/** The configuration, or, when a variable is wrong, each problem said and exit 2 before anything starts. */
function readConfig(): Config {
  try {
    return readEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Interchange: ${error.message}`);
    process.exit(2);
  }
}

const program = new Command()
  .name('interchange')
  .description('Interchange: the international exchange and cooperation office of a university.\nSettings come from the environment: PORT, HOST, DATABASE_URL, INTERCHANGE_DATA_DIR, INTERCHANGE_SECRET, INTERCHANGE_SECRET_FILE, INTERCHANGE_DEMO.')
  .showHelpAfterError();

program
  .command('serve')
  .description('build the web app if needed, migrate, load the demo into an empty database, and serve on PORT (default 3000)')
  .option('--no-build', 'do not build the web app even when it is missing or stale')
  .action((options: { build: boolean }) => serveCommand(readConfig(), options));

program
  .command('doctor')
  .description('check what a production server needs (key, data folder, database, durability, time, addresses, demo) and say what is wrong; changes nothing; exit 1 on a problem')
  .option('--format <format>', 'text or json', 'text')
  // Imported when run: the checks are no part of serving.
  .action(async (options: { format: string }) => (await import('./doctor-command.ts')).doctorCommand(options));

program
  .command('backup')
  .description('write every record, from one snapshot, to a gzip file only its owner can read (default: DATA_DIR/backups/interchange-DATE-TIME.ndjson.gz); either engine restores it')
  .option('--out <file>', 'the file to write (never overwritten)')
  .action(async (options: { out?: string }) => (await import('./backup-command.ts')).backupCommand(readConfig(), options));

program
  .command('restore <file>')
  .description('restore a backup into an empty database (of either engine), all or nothing, then apply newer migrations; --replace replaces a database that holds records')
  .option('--replace', 'replace every record of a database that holds some')
  .action(async (file: string, options: { replace?: boolean }) => (await import('./backup-command.ts')).restoreCommand(readConfig(), file, options));

program
  .command('migrate')
  .description('apply pending database migrations and reference data, then exit')
  .action(async () => (await import('./migrate-command.ts')).migrateCommand(readConfig()));

program
  .command('digest')
  .description("make the daily digest of an office day (default today) for every user: new and late to-do items, into the outbox, sent by the running server; a user's digest of a day is made once")
  .option('--date <date>', 'the office day (YYYY-MM-DD); default today in Shanghai')
  .action(async (options: { date?: string }) => (await import('./digest-command.ts')).digestCommand(readConfig(), options));

const demo = program.command('demo').description('demo data');
demo
  .command('load')
  .description('load the demo data into an empty database; with --scale N, make its ledger N times the demo\'s (about 10 million person-times at 150)')
  .option('--scale <n>', 'N times the demo\'s ledger, same shape, written set-based through the ledger (loads the demo first into an empty database)')
  // Imported when run, so that `serve` and the other commands never load the demo's code.
  .action(async (options: { scale?: string }) => (await import('./demo-command.ts')).demoLoadCommand(readConfig(), options));

const report = program.command('report').description('figures computed from the records');
report
  .command('partners')
  .description('partner universities, their countries and regions, and organizations with working arrangements, in force on a date')
  .option('--as-of <date>', 'the date (YYYY-MM-DD); default today in Shanghai')
  .option('--format <format>', 'json or text', 'json')
  .option('--lang <lang>', 'en, zh or fr (text format)', 'en')
  .action(async (options) => (await import('./report-command.ts')).reportPartnersCommand(readConfig(), options));
report
  .command('inbound')
  .description('inbound person-times (visits, conferences, aggregate counts), distinct persons and the leading countries and regions over a period')
  .option('--since <when>', 'a year (1980) or a date (YYYY-MM-DD); default 1900-01-01, every record')
  .option('--until <when>', 'a year or a date; default today in Shanghai')
  .option('--top <n>', 'how many countries and regions to list', '10')
  .option('--format <format>', 'json or text', 'json')
  .option('--lang <lang>', 'en, zh or fr (text format)', 'en')
  .action(async (options) => (await import('./report-inbound-command.ts')).reportInboundCommand(readConfig(), options));
report
  .command('experts')
  .description('foreign experts with an appointment in force on a date, by title and by country/region, and the people ever appointed')
  .option('--as-of <date>', 'the date (YYYY-MM-DD); default today in Shanghai')
  .option('--format <format>', 'json or text', 'json')
  .option('--lang <lang>', 'en, zh or fr (text format)', 'en')
  .action(async (options) => (await import('./report-experts-command.ts')).reportExpertsCommand(readConfig(), options));
report
  .command('verify')
  .description('recount every ledger rollup cell and every figure that reads them from the raw ledger; exit 1 naming what differs')
  .option('--format <format>', 'text or json', 'text')
  .action(async (options: { format: string }) => (await import('./report-verify-command.ts')).reportVerifyCommand(readConfig(), options));
report
  .command('factsheet')
  .description('the seed\'s page written from the figures (md, html, pdf), or the figures themselves as a flat JSON object (null: module not built yet)')
  .option('--format <format>', 'json, md, html or pdf', 'json')
  .option('--lang <lang>', 'en, zh or fr', 'en')
  .option('--as-of <date>', 'the date (YYYY-MM-DD); default today in Shanghai')
  .option('--out <file>', 'write to a file (required for pdf)')
  .option('--base-url <url>', 'the server\'s address, prefixed to each figure\'s link (default http://localhost:PORT)')
  .action(async (options) => (await import('./report-factsheet-command.ts')).reportFactSheetCommand(readConfig(), options));
report
  .command('year-in-review')
  .description('an academic year (September to August): its flows and its year-end states, each beside the previous year\'s')
  .requiredOption('--year <year>', 'the year the academic year starts in (2025 = 2025-09-01 … 2026-08-31)')
  .option('--format <format>', 'json, md, html or pdf', 'md')
  .option('--lang <lang>', 'en, zh or fr', 'en')
  .option('--out <file>', 'write to a file (required for pdf)')
  .option('--base-url <url>', 'the server\'s address, prefixed to each figure\'s link (default http://localhost:PORT)')
  .action(async (options) => (await import('./report-factsheet-command.ts')).reportYearInReviewCommand(readConfig(), options));

program
  .command('import')
  .description('import records of KIND (institutions, people, agreements, visits, missions, appointments, honours, students, exchange-applications, programme-students, aggregates, attendees) from FILE (xlsx or CSV): every row checked and classified first, then written wholly or not at all; or moe-tw: the Taiwan Ministry of Education\'s statistics files of one year (its *_regular.csv and *_over_higher.csv)')
  .argument('<kind>', 'institutions, people, agreements, visits (one row per visitor), missions (one row per member), appointments, honours, students (one row per enrolment), exchange-applications (one row per application to an exchange on file), programme-students (one row per student of a joint programme\'s cohort), aggregates (counts of the years before records), attendees (one row per attendee of a conference: --conference, or a Conference column) or moe-tw (national statistics)')
  .argument('<file...>', 'the spreadsheet (xlsx, or CSV in UTF-8, GB18030/GBK, Windows-1252 …); moe-tw takes the year\'s files together')
  .option('--mapping <name|file>', 'a saved column mapping by name, or a JSON file { "<header>": "<field>" }')
  .option('--encoding <encoding>', "a CSV's encoding instead of the one detected (utf-8, gb18030, gbk, windows-1252, big5)")
  .option('--day-first', 'read 5/3/2019 as 5 March (default: as the file\'s own dates say, else day first)')
  .option('--month-first', 'read 5/3/2019 as May 3')
  .option('--dry-run', 'print what would be imported; write nothing')
  .option('--on-duplicate <action>', 'a row that may be a record on file: skip, update (merge into it) or fail', 'skip')
  .option('--format <format>', 'text or json', 'text')
  .option('--conference <id>', 'attendees: the conference (its number) every row is added to')
  .action(async (kind: string, files: string[], options) => (await import('./import-command.ts')).importCommand(readConfig(), kind, files, options));

program
  .command('undo-import')
  .description('undo import ID (the number `import` printed): delete every record it created, unless one has changed since')
  .argument('<id>', "the import's number")
  .action(async (id: string) => (await import('./import-command.ts')).undoImportCommand(readConfig(), id));

const ewp = program.command('ewp').description('Erasmus Without Paper: call a partner\'s API, pull its IIAs, load the Registry\'s catalogue');
ewp
  .command('get')
  .description("GET a partner's EWP API signed with our key (HTTP Signatures), check the answer's signature and digest against the partner's key, validate its XML offline against EWP's schemas and print it; exit 1 when the answer is refused or is an error, 2 on a usage or setup problem")
  .argument('<url>', 'the API address, with its parameters (https://ewp.example.eu/echo?echo=hello)')
  .option('--hei <id>', "the responding institution's SCHAC code: the answer must be signed by a key registered for it")
  .option('--manifest <url>', "its Discovery manifest, whose server keys are trusted too (when its key is not registered here)")
  .option('--schemas <dir>', "the folder of EWP's schemas and their catalog.xml (default EWP_SCHEMAS, else ../shared/ewp beside the project)")
  .option('--lang <lang>', 'en, zh or fr', 'en')
  .action(async (url: string, options) => (await import('./ewp-command.ts')).ewpGetCommand(readConfig(), url, options));
ewp
  .command('load-catalogue')
  .description("register the partners' keys listed by an EWP Registry catalogue file (catalogue-v1.xml), validated against the Registry's schema; exit 1 when the file is refused")
  .argument('<file>', 'the catalogue XML')
  .option('--schemas <dir>', "the folder of EWP's schemas and their catalog.xml (default EWP_SCHEMAS, else ../shared/ewp beside the project)")
  .option('--lang <lang>', 'en, zh or fr', 'en')
  .action(async (file: string, options) => (await import('./ewp-command.ts')).ewpLoadCatalogueCommand(readConfig(), file, options));
ewp
  .command('pull-iias')
  .description("fetch a partner's IIAs (IIAs 7.0.0 index then get, signed, each answer's signature and schema checked) and say for each whether it matches our agreement, differs (field by field, ours → theirs) or is not found; stored for the agreement's page, our agreements left unchanged; exit 0 when the pull ran")
  .requiredOption('--hei <id>', "the partner's SCHAC code")
  .option('--manifest <url>', "the partner's Discovery manifest, where its IIAs API is listed (and whose server keys are trusted too); default: the one of this partner's last pull")
  .option('--schemas <dir>', "the folder of EWP's schemas and their catalog.xml (default EWP_SCHEMAS, else ../shared/ewp beside the project)")
  .option('--lang <lang>', 'en, zh or fr', 'en')
  .action(async (options) => (await import('./ewp-command.ts')).ewpPullIiasCommand(readConfig(), options));

const user = program.command('user').description('user accounts');
user
  .command('add')
  .description('create a user and print a generated password (or read one from standard input)')
  .requiredOption('--email <email>', 'the sign-in email')
  .requiredOption('--role <role>', 'admin, officer, coordinator, leader or viewer')
  .option('--unit <code>', "the coordinator's unit (its code)")
  .option('--name <name>', 'display name (default: the email)')
  .option('--locale <locale>', 'en, zh or fr', 'en')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action(async (options) => (await import('./user-command.ts')).userAddCommand(readConfig(), options));

await program.parseAsync(process.argv);
