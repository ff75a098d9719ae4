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
    senders: Arc<Mutex<HashMap<u32, String>>>,
    connection: zbus::Connection,
}

struct Recorder {
    received: Arc<Mutex<Vec<Notification>>>,
    /// The bus connection that showed each notification (its latest showing), which is the
    /// one that listens for its click.
    senders: Arc<Mutex<HashMap<u32, String>>>,
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
        #[zbus(header)] header: zbus::message::Header<'_>,
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
        if let Some(sender) = header.sender() {
            self.senders.lock().unwrap().insert(id, sender.to_string());
        }
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
        let senders = Arc::new(Mutex::new(HashMap::new()));
        let connection = zbus::connection::Builder::session()
            .name("org.freedesktop.Notifications")
            .serve_at(
                "/org/freedesktop/Notifications",
                Recorder {
                    received: received.clone(),
                    senders: senders.clone(),
                },
            )
            .build()
            .await
            .expect("cannot own org.freedesktop.Notifications on the session bus");
        NotificationServer {
            received,
            senders,
            connection,
        }
    }

    /// Does what a desktop does when the user clicks a notification: signals the action.
    pub async fn click(&self, notification: &Notification) {
        assert!(
            notification.actions.iter().any(|a| a == "default"),
            "the notification offers no click action: {notification:?}"
        );
        self.wait_until_listening(notification).await;
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

    /// A process listens for a notification's click only once it has added its match rule
    /// for `ActionInvoked`, a moment after the notification was shown (its own thread does it):
    /// a click signalled before that reaches nobody. A user never clicks that fast; a test
    /// does, so it first waits for the bus to say the rule is in place (the daemon's
    /// `Debug.Stats` interface). A sender that has gone is not waited for.
    async fn wait_until_listening(&self, notification: &Notification) {
        let Some(sender) = self.senders.lock().unwrap().get(&notification.id).cloned() else {
            return;
        };
        let what = format!(
            "{sender}, which showed notification {}, listens for its click",
            notification.id
        );
        crate::retry_until(&what, || async {
            let rules: zbus::Result<Vec<String>> = async {
                self.connection
                    .call_method(
                        Some("org.freedesktop.DBus"),
                        "/org/freedesktop/DBus",
                        Some("org.freedesktop.DBus.Debug.Stats"),
                        "GetConnectionMatchRules",
                        &(sender.as_str(),),
                    )
                    .await?
                    .body()
                    .deserialize::<Vec<String>>()
            }
            .await;
            match rules {
                Ok(rules) if rules.iter().any(|r| r.contains("member='ActionInvoked'")) => Ok(()),
                Ok(rules) => Err(format!("its match rules: {rules:?}")),
                // Gone (the process ended): the click is signalled all the same.
                Err(_) => Ok(()),
            }
        })
        .await;
    }

    pub fn received(&self) -> Vec<Notification> {
        self.received.lock().unwrap().clone()
    }
}
