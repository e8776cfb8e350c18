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

async function localhostCertificate() {
  if (present()) return read(`existing certificate in ${DIR}`);
  try {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(FILES.ca, FILES.cert, FILES.key);
    if (present()) return read(`new office-addin-dev-certs certificate in ${DIR}`);
  } catch (error) {
    console.warn(`office-addin-dev-certs could not generate a certificate (${error.message.split("\n")[0]}); using openssl.`);
  }
  fs.mkdirSync(DIR, { recursive: true });
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", FILES.key, "-out", FILES.cert], { stdio: "ignore" });
  return read(`self-signed openssl certificate in ${DIR}`);
}

module.exports = { localhostCertificate, CERTIFICATE_DIR: DIR };
