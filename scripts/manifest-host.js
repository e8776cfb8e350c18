/** The one setting that points the add-in at a static host: every https://localhost:3000/ becomes ADDIN_HOST. */
const DEV_HOST = "https://localhost:3000/";

function checkHost(host) {
  if (!/^https:\/\//.test(host)) throw new Error(`ADDIN_HOST must be an https:// URL (got "${host}")`);
  if (!host.endsWith("/")) throw new Error(`ADDIN_HOST must end with "/" (got "${host}")`);
  if (/[\s"<>&]/.test(host)) throw new Error(`ADDIN_HOST has characters a URL cannot hold (got "${host}")`);
  return host;
}

function rewriteHost(text, host) {
  return text.split(DEV_HOST).join(checkHost(host));
}

module.exports = { DEV_HOST, checkHost, rewriteHost };
