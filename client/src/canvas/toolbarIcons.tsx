/** Small inline icons for the canvas toolbar: no icon font or image to download. */

function Icon({ children }: { children: React.ReactNode }) {
  return (
    <svg
      className="toolbar-icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  )
}

export const FitIcon = () => (
  <Icon>
    <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
  </Icon>
)

export const TextIcon = () => (
  <Icon>
    <path d="M5 6V4h14v2M12 4v16M9 20h6" />
  </Icon>
)

export const RectIcon = () => (
  <Icon>
    <rect x="4" y="6" width="16" height="12" rx="2" />
  </Icon>
)

export const EllipseIcon = () => (
  <Icon>
    <ellipse cx="12" cy="12" rx="8.5" ry="6.5" />
  </Icon>
)

export const ArrowIcon = () => (
  <Icon>
    <path d="M4 18 19 5M11 5h8v8" />
  </Icon>
)

export const SelectIcon = () => (
  <Icon>
    <path d="M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4" strokeDasharray="2 0" />
    <path d="M10 10l7 3-3 1-1 3z" />
  </Icon>
)

export const GridIcon = () => (
  <Icon>
    <path d="M4 9h16M4 15h16M9 4v16M15 4v16" />
  </Icon>
)
