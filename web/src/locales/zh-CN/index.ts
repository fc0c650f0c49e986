import activity from './activity'
import auth from './auth'
import common from './common'
import content from './content'
import dashboard from './dashboard'
import error from './error'
import exam from './exam'
import layout from './layout'
import org from './org'
import portal from './portal'
import role from './role'
import system from './system'

export default { ...common, ...auth, ...layout, ...dashboard, ...org, ...activity, ...system, ...role, ...error, ...content, ...exam, ...portal }
