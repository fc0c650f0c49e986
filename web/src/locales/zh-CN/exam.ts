export default {
  exam: {},
}
