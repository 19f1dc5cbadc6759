// Electron main-process entry (built by electron-vite to out/main/index.js).
import { startApp } from './app/start'

void startApp()
