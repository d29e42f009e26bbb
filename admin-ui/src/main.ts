// The entry: apply the remembered language before the first paint, then start the shell.
import './global.css';
import { config } from 'zod/v4/core';
import { applyLanguage } from './shared/i18n/language.ts';
import './shared/shell/ri-app.ts';

// Before any schema is built: the CSP forbids eval, and zod would probe `new Function` (a reported violation).
config({ jitless: true });
applyLanguage();
