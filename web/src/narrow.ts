import { onBeforeUnmount, ref } from 'vue';

/** True on phone-width screens (WeCom's built-in browser): the menu collapses into a drawer. */
export function useNarrow() {
  const query = window.matchMedia('(max-width: 768px)');
  const narrow = ref(query.matches);
  const update = () => {
    narrow.value = query.matches;
  };
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return narrow;
}
