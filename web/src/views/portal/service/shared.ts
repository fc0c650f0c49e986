/** What the portal's 法律服务 pages share: the stations (read once per visit) and the townships they name. */
import { ref } from 'vue'
import { listPublicStations, townshipsOf, type PublicStation } from '@/api/service'

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
