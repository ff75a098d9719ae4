//! Full export and import benchmark on the large history `generate_history` writes (10,000
//! vacancies with their notices, 2,000 applications, 5,000 documents): the whole Dossier out to
//! a zip, then that zip imported into a new, empty data folder. Prints `name=value` lines.
//!
//! cargo run --release -p dossier-core --example bench_export -- <generated data dir> <scratch dir>
//!
//! The export is timed from the first read of the store to the synced zip under its final name
//! (the rows read under the store's lock, then every file copied with its hash checked); the
//! import from opening the zip to the committed transaction, with the search index rebuilt.

use chrono::Utc;
use dossier_core::export::{self, ExportFormat};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vault::Vault;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(data), Some(scratch)) = (args.next(), args.next()) else {
        eprintln!("usage: bench_export <generated data dir> <scratch dir>");
        std::process::exit(2);
    };
    let store = Store::open(&data.join(DATABASE_FILE)).expect("open the generated store");
    let vault = Vault::open(&data).expect("open the generated vault");
    std::fs::create_dir_all(&scratch).expect("scratch folder");
    let zip = scratch.join("bench-export.zip");
    let _ = std::fs::remove_file(&zip);

    let started = Instant::now();
    let plan = export::plan_export(&store, &vault, Utc::now(), env!("CARGO_PKG_VERSION"))
        .expect("plan the export");
    let planned = started.elapsed();
    let summary = export::write_export(&plan, &zip, ExportFormat::Zip).expect("write the export");
    let export_s = started.elapsed().as_secs_f64();

    let target = scratch.join("bench-import");
    let _ = std::fs::remove_dir_all(&target);
    let mut fresh = Store::open(&target.join(DATABASE_FILE)).expect("open an empty store");
    let fresh_vault = Vault::open(&target).expect("open an empty vault");
    let started = Instant::now();
    let imported =
        export::import_export(&mut fresh, &fresh_vault, &zip).expect("import the export");
    let import_s = started.elapsed().as_secs_f64();
    assert_eq!(
        (
            imported.vacancies,
            imported.applications,
            imported.documents
        ),
        (summary.vacancies, summary.applications, summary.documents),
        "the import brought back what was exported"
    );

    let size = std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "exported {} vacancies, {} applications, {} documents, {} files",
        summary.vacancies, summary.applications, summary.documents, summary.files
    );
    println!("export_plan_s={:.2}", planned.as_secs_f64());
    println!("export_s={export_s:.2}");
    println!("export_mib={:.1}", size as f64 / 1048576.0);
    println!("import_s={import_s:.2}");
}
