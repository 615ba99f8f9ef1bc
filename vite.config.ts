import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base: the static site must work from any sub-path and inside an iframe (DESIGN.md §1).
export default defineConfig({
  base: './',
  plugins: [react()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
