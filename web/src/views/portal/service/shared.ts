/**
 * What the portal's 法律服务 pages share: the stations (read once per visit) and the townships they name, and the reading
 * of a record kept on the device by its token.
 */
import { ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { listPublicStations, townshipsOf, type PublicStation } from '@/api/service'
import { isNotFound } from '@/utils/errors'

const stations = ref<PublicStation[]>([])
let pending: Promise<PublicStation[]> | null = null

/** Every station, by township then level (the server's order); asked once per page load, again after a failure. */
export function loadStations(): Promise<PublicStation[]> {
  pending ??= listPublicStations()
    .then((r) => (stations.value = r.items))
    .catch((e: unknown) => {
      pending = null
      throw e
    })
  return pending
}

export const useStations = () => ({ stations, townships: () => townshipsOf(stations.value), load: loadStations })

/** A query parameter as a positive id, else null. */
export function idParam(v: unknown): number | null {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null
}

/**
 * A record the resident reads on the portal by its reference and the token this device kept when it was made (a
 * booking, a legal aid application) — or a link's ?token=, then kept (`keep`) and taken off the address bar. `missing`
 * when the device has no token for it or the server does not know the pair.
 */
export function useKeptRecord<T>(opts: {
  refNo: Ref<string>
  tokenOf: (ref: string) => string | null
  fetch: (ref: string, token: string) => Promise<T>
  keep: (record: T, token: string) => void
  /** Takes it off the device (从本机移除). */
  remove: (ref: string) => void
}) {
  const route = useRoute()
  const router = useRouter()
  const record = ref(null) as Ref<T | null>
  const token = ref<string | null>(null)
  const loading = ref(true)
  const error = ref<unknown>(null)
  const missing = ref(false)

  async function load() {
    loading.value = true
    error.value = null
    missing.value = false
    const fromLink = typeof route.query.token === 'string' ? route.query.token : ''
    token.value = fromLink || opts.tokenOf(opts.refNo.value)
    if (!token.value) {
      missing.value = true
      loading.value = false
      return
    }
    try {
      record.value = await opts.fetch(opts.refNo.value, token.value)
      if (fromLink) {
        opts.keep(record.value, token.value)
        // the token stays on the device, not in the address bar (history, screenshots)
        router.replace({ query: {} })
      }
    } catch (e) {
      record.value = null
      if (isNotFound(e)) missing.value = true
      else error.value = e
    } finally {
      loading.value = false
    }
  }
  watch(opts.refNo, load, { immediate: true })
  /** 从本机移除: off the device, back to 法律服务. */
  function forget() {
    opts.remove(opts.refNo.value)
    router.push('/service')
  }
  return { record, token, loading, error, missing, load, forget }
}
