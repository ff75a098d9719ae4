use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use zbus::OwnedVariant;

/// A notification as the desktop received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The id the server gave it, which a click refers to.
    pub id: u32,
    pub app_name: String,
    /// The icon it carries: a path or an icon name (empty: none).
    pub app_icon: String,
    pub summary: String,
    pub body: String,
    /// Action keys offered with it (`default` is a click on the notification itself).
    pub actions: Vec<String>,
}

/// Stands in for the desktop's notification daemon on the private session bus and records every
/// notification, so a test sees exactly what a user would have been shown. A notification shown
/// again in place of another (`replaces_id`) is recorded again, with the same id.
pub struct NotificationServer {
    received: Arc<Mutex<Vec<Notification>>>,
    connection: zbus::Connection,
}

struct Recorder {
    received: Arc<Mutex<Vec<Notification>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut received = self.received.lock().unwrap();
        // As the specification says: a known `replaces_id` is replaced in place, same id.
        let id = if replaces_id != 0 && received.iter().any(|n| n.id == replaces_id) {
            replaces_id
        } else {
            received.iter().map(|n| n.id).max().unwrap_or(0) + 1
        };
        received.push(Notification {
            id,
            app_name,
            app_icon,
            summary,
            body,
            // Actions come as key, label, key, label...
            actions: actions.chunks(2).map(|pair| pair[0].clone()).collect(),
        });
        id
    }

    fn close_notification(&self, _id: u32) {}

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into(), "actions".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "dossier-e2e".into(),
            "Dossier".into(),
            "1.0".into(),
            "1.2".into(),
        )
    }
}

impl NotificationServer {
    pub async fn start() -> NotificationServer {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no private session bus: run the suite under dbus-run-session (make e2e does)"
        );
        let received = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::connection::Builder::session()
            .name("org.freedesktop.Notifications")
            .serve_at(
                "/org/freedesktop/Notifications",
                Recorder {
                    received: received.clone(),
                },
            )
            .build()
            .await
            .expect("cannot own org.freedesktop.Notifications on the session bus");
        NotificationServer {
            received,
            connection,
        }
    }

    /// Does what a desktop does when the user clicks a notification: signals the action.
    pub async fn click(&self, notification: &Notification) {
        assert!(
            notification.actions.iter().any(|a| a == "default"),
            "the notification offers no click action: {notification:?}"
        );
        self.connection
            .emit_signal(
                None::<&str>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "ActionInvoked",
                &(notification.id, "default"),
            )
            .await
            .expect("emit ActionInvoked");
    }

    pub fn received(&self) -> Vec<Notification> {
        self.received.lock().unwrap().clone()
    }
}
