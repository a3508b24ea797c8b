//! A small DevTools-protocol client for the browser tests: starts Debian's
//! headless Chromium with a fresh profile, opens one page, and offers
//! what the tests do with it: navigate, evaluate, click, press keys, take
//! screenshots, and collect console errors and network requests.
//! `.ci/run` installs `chromium`; without it these tests fail (set
//! SOPFLOW_SKIP_BROWSER=1 to skip them on a machine without one).
#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// How long one protocol call or wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);

/// One headless Chromium with one page attached.
pub struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    profile: PathBuf,
    /// Every event received so far, in order.
    pub events: Vec<Value>,
}

/// The browser's binary, or `None` when the tests are told to skip.
pub fn chromium() -> Option<PathBuf> {
    if std::env::var_os("SOPFLOW_SKIP_BROWSER").is_some() {
        eprintln!("SOPFLOW_SKIP_BROWSER is set: browser test skipped");
        return None;
    }
    for candidate in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(candidate).exists() {
            return Some(PathBuf::from(candidate));
        }
    }
    panic!(
        "no Chromium found: install Debian's `chromium` (as .ci/run does) or set SOPFLOW_SKIP_BROWSER=1"
    );
}

impl Browser {
    /// Starts Chromium (headless, no network of its own, a new empty
    /// profile) with a `width` x `height` CSS-pixel viewport at one device
    /// pixel per CSS pixel; `None` when the tests are told to skip.
    pub fn launch(width: u32, height: u32) -> Option<Browser> {
        let binary = chromium()?;
        let profile = std::env::temp_dir().join(format!(
            "sopflow-chromium-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&profile);
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("Chromium starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].trim().to_owned());
                    sent = true;
                }
            }
        });
        let url = rx
            .recv_timeout(PATIENCE)
            .expect("Chromium names its DevTools endpoint");
        let (socket, _) = tungstenite::connect(url.as_str()).expect("DevTools connection");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_millis(200)))
                .unwrap();
        }
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            profile,
            events: Vec::new(),
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().unwrap().to_owned();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_owned();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            browser.call(domain, json!({}));
        }
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
        Some(browser)
    }

    /// Sends one command (to the page once attached) and returns its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("DevTools send");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reply = self.receive(deadline, method);
            if reply["id"] == json!(id) {
                if let Some(error) = reply.get("error") {
                    panic!("{method}: {error}");
                }
                return reply["result"].clone();
            }
        }
    }

    /// The next message, keeping events.
    fn receive(&mut self, deadline: Instant, waiting_for: &str) -> Value {
        loop {
            assert!(Instant::now() < deadline, "no answer to {waiting_for}");
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    let value: Value = serde_json::from_str(&text).expect("DevTools JSON");
                    if value.get("method").is_some() {
                        self.events.push(value.clone());
                    }
                    return value;
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("DevTools connection lost while waiting for {waiting_for}: {e}"),
            }
        }
    }

    /// Waits until an event named `method` has arrived (counting those
    /// already received after index `since`).
    pub fn wait_event(&mut self, method: &str, since: usize) {
        let deadline = Instant::now() + PATIENCE;
        while !self.events[since..].iter().any(|e| e["method"] == method) {
            self.receive(deadline, method);
        }
    }

    /// Opens `url` and waits for its load event, then for the page's
    /// `ready` expression to hold. The events of earlier pages are
    /// forgotten.
    pub fn open(&mut self, url: &str, ready: &str) {
        self.events.clear();
        self.call("Page.navigate", json!({"url": url}));
        self.wait_event("Page.loadEventFired", 0);
        self.wait_until(ready);
    }

    /// Polls `expression` until it is true.
    pub fn wait_until(&mut self, expression: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self.eval(expression) != json!(true) {
            assert!(Instant::now() < deadline, "never true: {expression}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Evaluates `expression` in the page and returns its value.
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(e) = result.get("exceptionDetails") {
            panic!("{expression}: {e}");
        }
        result["result"]["value"].clone()
    }

    /// Clicks with the mouse at the middle of the first element matching
    /// `selector`, scrolled into view first (and the page drawn again, so
    /// that sheets coming into sight have their real size).
    pub fn click(&mut self, selector: &str) {
        let at = self.eval(&format!(
            "(async () => {{ const e = document.querySelector({}); if (!e) return null; \
             e.scrollIntoView({{block: 'center', inline: 'center'}}); \
             await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); \
             const r = e.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; \
             return [x, y]; }})()",
            json!(selector)
        ));
        let (x, y) = (
            at[0]
                .as_f64()
                .unwrap_or_else(|| panic!("nothing matches {selector}")),
            at[1].as_f64().unwrap(),
        );
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Presses and releases one key ("Tab", "Enter", "Escape").
    pub fn press(&mut self, key: &str) {
        let code = match key {
            "Tab" => 9,
            "Enter" => 13,
            "Escape" => 27,
            other => panic!("no key code for {other}"),
        };
        let text = if key == "Enter" { "\r" } else { "" };
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code, "text": text}),
        );
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code}),
        );
    }

    /// Chooses `path` (absolute, without `..`: Chromium reads nothing
    /// else) in the file input matching `selector`, as a person picking a
    /// file does: `input` and `change` fire.
    pub fn choose_file(&mut self, selector: &str, path: &Path) {
        let document = self.call("DOM.getDocument", json!({}));
        let root = document["root"]["nodeId"].clone();
        let node = self.call(
            "DOM.querySelector",
            json!({"nodeId": root, "selector": selector}),
        );
        self.call(
            "DOM.setFileInputFiles",
            json!({"files": [path.to_str().unwrap()], "nodeId": node["nodeId"]}),
        );
    }

    /// Types `text` into the focused element.
    pub fn type_text(&mut self, text: &str) {
        self.call("Input.insertText", json!({"text": text}));
    }

    /// A PNG of the CSS-pixel rectangle `(x, y, width, height)` of the
    /// whole page, or of the viewport as a reader sees it.
    pub fn screenshot(&mut self, clip: Option<[f64; 4]>) -> Vec<u8> {
        let mut params = json!({"format": "png", "captureBeyondViewport": clip.is_some()});
        if let Some([x, y, width, height]) = clip {
            params["clip"] = json!({"x": x, "y": y, "width": width, "height": height, "scale": 1});
        }
        let shot = self.call("Page.captureScreenshot", params);
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap())
            .unwrap()
    }

    /// Console errors, uncaught exceptions and error log entries (a
    /// Content-Security-Policy violation among them) so far.
    pub fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str()? {
                "Runtime.exceptionThrown" => Some(e["params"]["exceptionDetails"].to_string()),
                "Runtime.consoleAPICalled" if e["params"]["type"] == "error" => {
                    Some(e["params"]["args"].to_string())
                }
                "Log.entryAdded" if e["params"]["entry"]["level"] == "error" => {
                    Some(e["params"]["entry"]["text"].to_string())
                }
                _ => None,
            })
            .collect()
    }

    /// The URLs the page asked for so far, but for `page` itself and the
    /// `data:` URIs it carries.
    pub fn requests(&self, page: &str) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .filter_map(|e| e["params"]["request"]["url"].as_str())
            .filter(|url| *url != page && !url.starts_with("data:"))
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
