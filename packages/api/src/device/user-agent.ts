/**
 * A short name for the browser and the device a user-agent string describes, for the
 * devices list ("Firefox", "Android phone"). Deliberately small: a full UA parser costs more
 * bundle than the list needs, and people only have to recognise their own devices.
 */
export interface DeviceLabel {
  browser: string;
  device: string;
}

// Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bHeadlessChrome\//, "Headless Chrome"],
  [/\bChrome\/|\bCriOS\//, "Chrome"],
  [/\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const DEVICES: [RegExp, string][] = [
  [/\biPad\b/, "iPad"],
  [/\biPhone\b/, "iPhone"],
  [/\bAndroid\b.*\bMobile\b/, "Android phone"],
  [/\bAndroid\b/, "Android tablet"],
  [/\bCrOS\b/, "Chromebook"],
  [/\bMacintosh\b/, "Mac"],
  [/\bWindows\b/, "Windows PC"],
  [/\bLinux\b/, "Linux PC"],
];

const firstMatch = (userAgent: string, table: [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(userAgent))?.[1];

export function describeUserAgent(userAgent: string | null | undefined): DeviceLabel {
  const ua = userAgent ?? "";
  return {
    browser: firstMatch(ua, BROWSERS) ?? "Unknown browser",
    device: firstMatch(ua, DEVICES) ?? "Unknown device",
  };
}
