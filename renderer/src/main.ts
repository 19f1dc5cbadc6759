// Renderer entry: picks the API transport, applies the theme, and mounts the app with its router.
import { createApp } from 'vue'
import App from './App.vue'
import { createApiClient } from './api/client'
import { provideApi } from './composables/useApi'
import { provideHostEvents } from './composables/useHostEvents'
import { createTheme, provideTheme } from './composables/useTheme'
import { createAppRouter } from './router'
import './styles.css'

const client = createApiClient()
const app = createApp(App)
provideApi(app, client)
provideHostEvents(app, client)
provideTheme(app, createTheme())
app.use(createAppRouter())
app.mount('#app')
