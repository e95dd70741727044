// The browser comes from the operating system (Debian's chromium), never from a download at install time.
module.exports = { skipDownload: true };
