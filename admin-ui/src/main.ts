// The entry: apply the remembered language before the first paint, then start the shell.
import './global.css';
import { applyLanguage } from './i18n/language.ts';
import './elements/ri-app.ts';

applyLanguage();
