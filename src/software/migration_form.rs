//! Reading the KMS move form after its token: the activation date, and the device list file
//! (multipart as a browser sends it, or a plain form with just the date).

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::error::AppError;
use crate::web::multipart::FormParts;

/// A device list is a small text file; a bigger upload is refused as it arrives.
const MAX_UPLOAD: usize = 1024 * 1024;
const MAX_FIELD: usize = 1024;

/// What the form sent: the one date, and the device list file.
#[derive(Default)]
pub(super) struct Sent {
    pub activated_on: String,
    pub devices: Vec<u8>,
}

/// The rest of the form, after its token: multipart as a browser sends it (with the file),
/// or a plain form with just the date.
pub(super) async fn read_form(form: FormParts) -> Result<Sent, AppError> {
    match form {
        FormParts::Multipart(form) => read_multipart(form).await,
        FormParts::Plain(pairs) => {
            let activated_on = pairs
                .into_iter()
                .find(|(name, _)| name == "activated_on")
                .map(|(_, value)| value.trim().to_string())
                .unwrap_or_default();
            Ok(Sent {
                activated_on,
                devices: Vec::new(),
            })
        }
    }
}

async fn read_multipart(mut form: Multipart) -> Result<Sent, AppError> {
    let mut sent = Sent::default();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| AppError::malformed())?;
        let name = field.name().unwrap_or_default().to_string();
        let limit = if name == "devices" {
            MAX_UPLOAD
        } else {
            MAX_FIELD
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::malformed())?;
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "activated_on" => sent.activated_on = String::from_utf8_lossy(&bytes).trim().into(),
            "devices" => sent.devices = bytes,
            _ => {}
        }
    }
    Ok(sent)
}
