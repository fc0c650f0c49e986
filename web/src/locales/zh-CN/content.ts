export default {
  content: {},
}
