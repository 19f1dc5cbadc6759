// Serves the built renderer (out/renderer) read-only: GET and HEAD only, index.html for `/`, a
// fixed table of content types, and no path outside the folder (checked after decoding and after
// resolving symbolic links).
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { setStaticSecurityHeaders } from './security-headers'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** The file a URL path names inside `root`, or undefined when it names nothing servable there. */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const segments = relativePath.split('/')
  // Dot segments and hidden files are never part of the build output.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return undefined
  const candidate = join(root, ...segments)
  if (!isInside(root, candidate)) return undefined
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return undefined
    return realFile
  } catch {
    return undefined
  }
}

export async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, urlPath: string): Promise<void> {
  setStaticSecurityHeaders(response)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n')
    return
  }
  const file = await resolveStaticFile(root, urlPath)
  const contentType = file === undefined ? undefined : CONTENT_TYPES[extname(file).toLowerCase()]
  if (file === undefined || contentType === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n')
    return
  }
  const { size } = await stat(file)
  // index.html is small and changes with every build; the hashed assets may be cached.
  const cacheControl = file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable'
  response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': size, 'Cache-Control': cacheControl })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response)
}
