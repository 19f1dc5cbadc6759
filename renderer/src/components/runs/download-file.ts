// Saves text as a file through a Blob link: the same in Electron (its download handler) and in the
// browser, and nothing is written on the server's side.
export function downloadText(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked a little later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
