/**
 * A localhost certificate for the dev server, without sudo: office-addin-dev-certs' files in
 * ~/.office-addin-dev-certs/ if they exist, else generated there by its own generator (its installer, which needs sudo
 * on Linux, is not run), else a self-signed certificate from openssl.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = { ca: path.join(DIR, "ca.crt"), cert: path.join(DIR, "localhost.crt"), key: path.join(DIR, "localhost.key") };

const present = () => fs.existsSync(FILES.cert) && fs.existsSync(FILES.key);
const read = (how) => ({
  cert: fs.readFileSync(FILES.cert),
  key: fs.readFileSync(FILES.key),
  ca: fs.existsSync(FILES.ca) ? FILES.ca : null,
  how,
});

/** Makes the files in a private folder, so that a process reading DIR never sees one process's key with another's certificate. */
async function generateInto(dir) {
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
  try {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(files.ca, files.cert, files.key);
    if (fs.existsSync(files.cert) && fs.existsSync(files.key)) return "new office-addin-dev-certs certificate";
  } catch (error) {
    console.warn(`office-addin-dev-certs could not generate a certificate (${error.message.split("\n")[0]}); using openssl.`);
  }
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", files.key, "-out", files.cert], { stdio: "ignore" });
  return "self-signed openssl certificate";
}

async function localhostCertificate() {
  if (present()) return read(`existing certificate in ${DIR}`);
  const staging = fs.mkdtempSync(path.join(path.dirname(DIR), ".office-addin-dev-certs-"));
  try {
    const how = await generateInto(staging);
    // Moving the whole folder into place is atomic: another process that got there first keeps its certificate.
    if (fs.existsSync(DIR) && fs.readdirSync(DIR).length === 0) fs.rmdirSync(DIR);
    try {
      fs.renameSync(staging, DIR);
      return read(`${how} in ${DIR}`);
    } catch (error) {
      if (present()) return read(`existing certificate in ${DIR}`);
      throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { localhostCertificate, CERTIFICATE_DIR: DIR };
