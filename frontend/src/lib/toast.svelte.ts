// Short-lived messages for failures that have no form to show them in (announced politely).
export interface Toast {
	id: number;
	kind: 'error' | 'info';
	text: string;
}

let next = 1;

class Toasts {
	list = $state<Toast[]>([]);

	show(text: string, kind: Toast['kind'] = 'info', ms = 4000) {
		// the same text twice in a row is one toast
		if (this.list.some((t) => t.text === text)) return;
		const id = next++;
		this.list = [...this.list, { id, kind, text }];
		setTimeout(() => this.dismiss(id), ms);
	}

	error(text: string) {
		this.show(text, 'error', 8000);
	}

	dismiss(id: number) {
		this.list = this.list.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
