// Renderer entry: picks the API transport and mounts the app.
import { createApp } from 'vue'
import App from './App.vue'
import { createApiClient } from './api/client'
import { provideApi } from './composables/useApi'
import './styles.css'

const app = createApp(App)
provideApi(app, createApiClient())
app.mount('#app')
