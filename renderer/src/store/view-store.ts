/** Which centre view is showing; any panel can switch it (e.g. a search hit opens the document view). */
import { create } from 'zustand';

interface ViewState {
  active: string;
  show(id: string): void;
}

export const useView = create<ViewState>((set) => ({
  active: 'document',
  show: (active) => set({ active }),
}));
