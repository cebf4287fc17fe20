import 'element-plus/dist/index.css';
import { ElLoading } from 'element-plus';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import './style.css';

createApp(App).use(router).use(ElLoading).mount('#app');
