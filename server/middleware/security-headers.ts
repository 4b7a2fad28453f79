import { secureHeaders } from 'hono/secure-headers';

/**
 * Content Security Policy of the built web app: scripts, styles, workers and API calls from
 * this origin only; inline `style` attributes stay allowed because uPlot and Solid's templates
 * set them; nothing may frame the app. Routes that set their own policy (the API docs page)
 * keep it.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response (hono/secure-headers): the CSP above, X-Frame-Options
 * DENY, X-Content-Type-Options nosniff, Referrer-Policy no-referrer, HSTS (honoured on https
 * only), same-origin Cross-Origin-Opener/Resource-Policy; X-Powered-By removed.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  overwrite: false,
});
