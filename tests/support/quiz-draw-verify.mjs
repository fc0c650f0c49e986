#!/usr/bin/env node
// Re-runs a public quiz's prize draw from what Pufa publishes (docs/quiz.md), with nothing but
// Node's crypto: checks commitment = sha256(server seed) and pool hash = sha256(the sorted ids),
// then recomputes the winners from sha256("<server seed>:<pool hash>:<public value>") and the
// list of qualified participant ids. The public value itself is checked against its source (the
// lottery's own announcement) by whoever re-runs it.
//
//   node tests/support/quiz-draw-verify.mjs https://pufa.example.gov.cn 1
//   node tests/support/quiz-draw-verify.mjs --seed <64 hex> --ids 3,8,15,... --count 10
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The winners' participant ids, in order (the algorithm of src/exam/quiz_draw.cpp). */
export function drawWinners(seedHex, qualifiedIds, count) {
  const list = [...qualifiedIds].sort((a, b) => a - b)
  const n = list.length
  const k = Math.min(count, n)
  for (let i = 0; i < k; ++i) {
    const r = BigInt('0x' + sha256(`${seedHex}:${i}`).slice(0, 16))
    const j = i + Number(r % BigInt(n - i))
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list.slice(0, k)
}

/** sha256 of the ids sorted ascending and joined with commas. */
export const poolHash = (ids) => sha256([...ids].sort((a, b) => a - b).join(','))

/** The seed the winners are drawn from (pufa-draw-2). */
export const drawSeed = (serverSeed, pool, publicValue) => sha256(`${serverSeed}:${pool}:${publicValue}`)

/**
 * Checks a published draw ({scheme, commitment, seed, pool_hash, public_value, qualified, winners});
 * returns the recomputed ids.
 */
export function verifyDraw(draw, winnersCount) {
  if (!draw || !draw.seed) throw new Error('the draw has not been revealed yet')
  if (sha256(draw.seed) !== draw.commitment) throw new Error('sha256(seed) does not match the commitment')
  let seed = draw.seed
  if (draw.scheme !== 'pufa-draw-1') {
    if (poolHash(draw.qualified) !== draw.pool_hash) throw new Error('the qualified list does not match the published pool hash')
    if (!draw.public_value) throw new Error('no public value')
    seed = drawSeed(draw.seed, draw.pool_hash, draw.public_value)
  }
  const expected = drawWinners(seed, draw.qualified, winnersCount)
  const published = draw.winners.map((w) => w.participant_id)
  if (JSON.stringify(expected) !== JSON.stringify(published)) {
    throw new Error(`winners differ: recomputed ${expected.join(',')}, published ${published.join(',')}`)
  }
  return expected
}

async function main(args) {
  const flag = (name) => {
    const at = args.indexOf(name)
    return at < 0 ? undefined : args[at + 1]
  }
  if (flag('--seed')) {
    const ids = flag('--ids').split(',').filter(Boolean).map(Number)
    console.log(drawWinners(flag('--seed'), ids, Number(flag('--count') ?? 1)).join(','))
    return
  }
  const [base, id] = args
  if (!base || !id) throw new Error('usage: quiz-draw-verify.mjs BASE_URL QUIZ_ID | --seed HEX --ids 1,2,3 --count K')
  const res = await fetch(`${base.replace(/\/$/, '')}/api/v1/quizzes/${id}/draw`)
  if (!res.ok) throw new Error(`GET draw: HTTP ${res.status}`)
  const body = await res.json()
  const winners = verifyDraw(body.draw, body.winners_count)
  console.log(`commitment ok (${body.draw.commitment}), committed ${body.draw.committed_at}`)
  if (body.draw.scheme !== 'pufa-draw-1') {
    console.log(`pool hash ok (${body.draw.pool_hash}), fixed ${body.draw.pool_fixed_at}`)
    console.log(`public value "${body.draw.public_value}" — check it against: ${body.draw.public_source}`)
  }
  console.log(`${body.draw.qualified.length} qualified; winners recomputed and matching: ${winners.join(', ')}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`verify failed: ${error.message}`)
    process.exit(1)
  })
}
