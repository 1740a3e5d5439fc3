// The frames that are the user's code, and the ones go-leak-gate adds through its overlay, which never are.
import { describe, expect, it } from 'vitest'
import { PROBE_FILE } from '../../src/go/probe-source.js'
import { isGateFrame, isProbeFunction, isUserFunction, userFacingName } from '../../src/parse/stackframes.js'

const PKG = 'example.com/m/pkg'

describe('isGateFrame', () => {
  it('knows the probe file and the probe’s glg functions, wherever Go printed their file', () => {
    expect(isGateFrame(`${PKG}.TestMain`, `${PKG}/${PROBE_FILE}`)).toBe(true)
    expect(isGateFrame(`${PKG}.TestMain`, PROBE_FILE)).toBe(true)
    expect(isGateFrame(`${PKG}_test.glgProbe.func1`, '')).toBe(true)
    expect(isGateFrame(`${PKG}.glgExit.func1`, `${PKG}/main_test.go`)).toBe(true)
  })

  it('leaves the user’s renamed TestMain and look-alike names the user’s', () => {
    expect(isGateFrame(`${PKG}.glgUserTestMain`, `${PKG}/main_test.go`)).toBe(false)
    expect(isGateFrame(`${PKG}.glgUserTestMain.func2`, `${PKG}/main_test.go`)).toBe(false)
    expect(isGateFrame(`${PKG}.glgood`, `${PKG}/g.go`)).toBe(false)
    expect(isGateFrame(`${PKG}.TestMain`, `${PKG}/zz_other_test.go`)).toBe(false)
    expect(isProbeFunction(`${PKG}.glgUserTestMain`)).toBe(false)
  })
})

describe('isUserFunction', () => {
  it('never counts the gate’s frames as the user’s, even inside the module', () => {
    expect(isUserFunction(`${PKG}.TestMain`, `${PKG}/${PROBE_FILE}`, 'example.com/m')).toBe(false)
    expect(isUserFunction(`${PKG}.glgProbe`, `${PKG}/${PROBE_FILE}`)).toBe(false)
    expect(isUserFunction(`${PKG}.glgUserTestMain`, `${PKG}/main_test.go`, 'example.com/m')).toBe(true)
    expect(isUserFunction(`${PKG}.TestMain`, `${PKG}/main_test.go`, 'example.com/m')).toBe(true)
  })
})

describe('userFacingName', () => {
  it('shows the user’s TestMain, and its closures, under the name the user gave it', () => {
    expect(userFacingName(`${PKG}.glgUserTestMain`)).toBe(`${PKG}.TestMain`)
    expect(userFacingName(`${PKG}_test.glgUserTestMain.func1`)).toBe(`${PKG}_test.TestMain.func1`)
    expect(userFacingName(`${PKG}.(*T).glgUserTestMain`)).toBe(`${PKG}.(*T).glgUserTestMain`)
    expect(userFacingName(`${PKG}.Other`)).toBe(`${PKG}.Other`)
  })
})
