//! A stand-in for the desktop's tray host (`org.kde.StatusNotifierWatcher`) on the private
//! session bus: Dossier sees a tray, and the items that register with it are recorded. The
//! suite's bus has no watcher otherwise, which is the "no tray" desktop.

use std::sync::{Arc, Mutex};

pub struct TrayHost {
    registered: Arc<Mutex<Vec<String>>>,
    _connection: zbus::Connection,
}

struct Watcher {
    registered: Arc<Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    async fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: zbus::message::Header<'_>,
        #[zbus(signal_emitter)] emitter: zbus::object_server::SignalEmitter<'_>,
    ) {
        // An item may give its object path instead of its bus name; the sender names it then.
        let item = if service.starts_with('/') {
            let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
            format!("{sender}{service}")
        } else {
            service
        };
        self.registered.lock().unwrap().push(item.clone());
        let _ = Self::status_notifier_item_registered(&emitter, &item).await;
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.registered.lock().unwrap().clone()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(
        emitter: &zbus::object_server::SignalEmitter<'_>,
        service: &str,
    ) -> zbus::Result<()>;
}

impl TrayHost {
    pub async fn start() -> TrayHost {
        let registered = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::connection::Builder::session()
            .name("org.kde.StatusNotifierWatcher")
            .serve_at(
                "/StatusNotifierWatcher",
                Watcher {
                    registered: registered.clone(),
                },
            )
            .build()
            .await
            .expect("cannot own org.kde.StatusNotifierWatcher on the session bus");
        TrayHost {
            registered,
            _connection: connection,
        }
    }

    /// The items that registered with this tray, by bus name (or sender and path).
    pub fn registered(&self) -> Vec<String> {
        self.registered.lock().unwrap().clone()
    }
}
