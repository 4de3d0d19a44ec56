/**
 * Pan and zoom of the drawn diagram: drag to pan, wheel (or pinch) to zoom around the
 * pointer, keyboard + / - / 0, and buttons. The transform is applied with CSSOM
 * (`style.transform`), which the Content Security Policy allows, and survives re-renders so a
 * live update keeps the user's view.
 */
export interface ViewTransform {
  x: number;
  y: number;
  scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** Pointer travel (px) below which a press-and-release is a click, not a drag. */
const CLICK_SLOP = 4;

export class PanZoom {
  private view: ViewTransform = { x: 0, y: 0, scale: 1 };
  private drag: { pointerId: number; startX: number; startY: number; originX: number; originY: number; moved: boolean } | undefined;
  /** Set when the last pointer press moved: the click that follows it must not select a node. */
  private suppressClick = false;
  /** Fitted and not panned or zoomed since: a resize of the panel fits it again. */
  private fitted = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly onChange: (view: ViewTransform) => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
    viewport.addEventListener('pointerup', (event) => this.onPointerUp(event));
    viewport.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    // Capture phase: runs before node click handlers.
    viewport.addEventListener('click', (event) => {
      if (this.suppressClick) {
        event.stopPropagation();
        event.preventDefault();
        this.suppressClick = false;
      }
    }, true);
    // The panel opens while the editor layout settles, and users resize it: keep a fitted view fitted.
    new ResizeObserver(() => {
      if (this.fitted) this.fit();
    }).observe(viewport);
  }

  /** Whether the view is fitted to the panel (no pan or zoom since). */
  get isFitted(): boolean {
    return this.fitted;
  }

  get current(): ViewTransform {
    return { ...this.view };
  }

  set(view: ViewTransform, notify = true): void {
    this.fitted = false;
    this.view = { x: view.x, y: view.y, scale: clamp(view.scale, MIN_SCALE, MAX_SCALE) };
    this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
    if (notify) this.onChange(this.current);
  }

  /**
   * Scales the content to fit the viewport (never above 100%) and centres it. Until the user
   * pans or zooms, a resize of the viewport fits it again (also when the viewport has no size
   * yet, as while the panel opens).
   */
  fit(): void {
    const content = this.contentSize();
    const box = this.viewport.getBoundingClientRect();
    if (!content || box.width === 0 || box.height === 0) {
      this.fitted = content !== undefined;
      return;
    }
    const margin = 16;
    const scale = clamp(Math.min((box.width - 2 * margin) / content.width, (box.height - 2 * margin) / content.height, 1), MIN_SCALE, MAX_SCALE);
    this.set({ scale, x: (box.width - content.width * scale) / 2, y: Math.max(margin, (box.height - content.height * scale) / 2) });
    this.fitted = true;
  }

  /** Zooms by `factor` around a point of the viewport (default: its centre). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const box = this.viewport.getBoundingClientRect();
    const px = at?.x ?? box.width / 2;
    const py = at?.y ?? box.height / 2;
    const scale = clamp(this.view.scale * factor, MIN_SCALE, MAX_SCALE);
    const k = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * k, y: py - (py - this.view.y) * k });
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  private contentSize(): { width: number; height: number } | undefined {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return undefined;
    const viewBox = svg.viewBox?.baseVal;
    const width = Number.parseFloat(svg.getAttribute('width') ?? '') || viewBox?.width || svg.getBoundingClientRect().width / this.view.scale;
    const height = Number.parseFloat(svg.getAttribute('height') ?? '') || viewBox?.height || svg.getBoundingClientRect().height / this.view.scale;
    return width > 0 && height > 0 ? { width, height } : undefined;
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const box = this.viewport.getBoundingClientRect();
    // Pinch gestures arrive as ctrl+wheel with small deltas; mouse wheels as ±100-ish.
    const delta = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY;
    this.zoomBy(Math.exp(-delta * (event.ctrlKey ? 0.01 : 0.0015)), { x: event.clientX - box.left, y: event.clientY - box.top });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.suppressClick = false;
    this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, originX: this.view.x, originY: this.view.y, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    if (!drag.moved) {
      drag.moved = true;
      this.viewport.setPointerCapture(event.pointerId);
      this.viewport.classList.add('pb-panning');
    }
    this.set({ ...this.view, x: drag.originX + dx, y: drag.originY + dy });
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = undefined;
    if (drag.moved) {
      this.suppressClick = true;
      this.viewport.classList.remove('pb-panning');
      if (this.viewport.hasPointerCapture(event.pointerId)) this.viewport.releasePointerCapture(event.pointerId);
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
